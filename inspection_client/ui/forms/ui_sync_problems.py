# generated from forms/sync_problems.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_SyncProblemsScreen(object):
    def setupUi(self, SyncProblemsScreen):
        if not SyncProblemsScreen.objectName():
            SyncProblemsScreen.setObjectName(u"SyncProblemsScreen")
        self.mainLayout = QVBoxLayout(SyncProblemsScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.infoLabel = QLabel(SyncProblemsScreen)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.infoLabel)

        self.countLabel = QLabel(SyncProblemsScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.mainLayout.addWidget(self.countLabel)

        self.problemsTable = QTableWidget(SyncProblemsScreen)
        if (self.problemsTable.columnCount() < 6):
            self.problemsTable.setColumnCount(6)
        __qtablewidgetitem = QTableWidgetItem()
        self.problemsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.problemsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.problemsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.problemsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.problemsTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.problemsTable.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        self.problemsTable.setObjectName(u"problemsTable")
        self.problemsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problemsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problemsTable.setColumnCount(6)
        self.problemsTable.horizontalHeader().setStretchLastSection(True)
        self.problemsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.problemsTable)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.openButton = QPushButton(SyncProblemsScreen)
        self.openButton.setObjectName(u"openButton")

        self.buttonLayout.addWidget(self.openButton)

        self.refreshButton = QPushButton(SyncProblemsScreen)
        self.refreshButton.setObjectName(u"refreshButton")

        self.buttonLayout.addWidget(self.refreshButton)

        self.sendAgainButton = QPushButton(SyncProblemsScreen)
        self.sendAgainButton.setObjectName(u"sendAgainButton")

        self.buttonLayout.addWidget(self.sendAgainButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)


        self.mainLayout.addLayout(self.buttonLayout)

        QWidget.setTabOrder(self.problemsTable, self.openButton)
        QWidget.setTabOrder(self.openButton, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.sendAgainButton)

        self.retranslateUi(SyncProblemsScreen)
    # setupUi

    def retranslateUi(self, SyncProblemsScreen):
        self.infoLabel.setText(QCoreApplication.translate("SyncProblemsScreen", u"Records the central store rejected or found in conflict. A supervisor reads the central's reason and corrects the record in History (Amend\u2026 or Void\u2026), or asks IT. Once IT has fixed the cause at the central (an upgrade, say), a supervisor sends a rejected record again.", None))
#if QT_CONFIG(accessibility)
        self.infoLabel.setAccessibleName(QCoreApplication.translate("SyncProblemsScreen", u"About this queue", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.countLabel.setAccessibleName(QCoreApplication.translate("SyncProblemsScreen", u"Number of sync problems", None))
#endif // QT_CONFIG(accessibility)
        ___qtablewidgetitem = self.problemsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SyncProblemsScreen", u"Record", None))
        ___qtablewidgetitem1 = self.problemsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SyncProblemsScreen", u"Kind", None))
        ___qtablewidgetitem2 = self.problemsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SyncProblemsScreen", u"Recorded", None))
        ___qtablewidgetitem3 = self.problemsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SyncProblemsScreen", u"Problem", None))
        ___qtablewidgetitem4 = self.problemsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("SyncProblemsScreen", u"Attempts", None))
        ___qtablewidgetitem5 = self.problemsTable.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("SyncProblemsScreen", u"The central's reason", None))
#if QT_CONFIG(accessibility)
        self.problemsTable.setAccessibleName(QCoreApplication.translate("SyncProblemsScreen", u"Sync problems", None))
#endif // QT_CONFIG(accessibility)
        self.openButton.setText(QCoreApplication.translate("SyncProblemsScreen", u"&Open record\u2026", None))
#if QT_CONFIG(accessibility)
        self.openButton.setAccessibleName(QCoreApplication.translate("SyncProblemsScreen", u"Open the selected record", None))
#endif // QT_CONFIG(accessibility)
        self.refreshButton.setText(QCoreApplication.translate("SyncProblemsScreen", u"&Refresh", None))
#if QT_CONFIG(accessibility)
        self.refreshButton.setAccessibleName(QCoreApplication.translate("SyncProblemsScreen", u"Refresh the list", None))
#endif // QT_CONFIG(accessibility)
        self.sendAgainButton.setText(QCoreApplication.translate("SyncProblemsScreen", u"Send &again\u2026", None))
#if QT_CONFIG(accessibility)
        self.sendAgainButton.setAccessibleName(QCoreApplication.translate("SyncProblemsScreen", u"Send the selected rejected record again", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

