# generated from forms/watchlist_alert.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_WatchlistAlertDialog(object):
    def setupUi(self, WatchlistAlertDialog):
        if not WatchlistAlertDialog.objectName():
            WatchlistAlertDialog.setObjectName(u"WatchlistAlertDialog")
        WatchlistAlertDialog.setMinimumSize(QSize(960, 460))
        self.mainLayout = QVBoxLayout(WatchlistAlertDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headlineLabel = QLabel(WatchlistAlertDialog)
        self.headlineLabel.setObjectName(u"headlineLabel")
        self.headlineLabel.setText(u"")
        self.headlineLabel.setWordWrap(True)
        self.headlineLabel.setStyleSheet(u"QLabel { color: #ffffff; background: #c92a2a; border: 3px solid #7a0000; padding: 10px; font-size: 16pt; font-weight: bold; }")

        self.mainLayout.addWidget(self.headlineLabel)

        self.subjectLabel = QLabel(WatchlistAlertDialog)
        self.subjectLabel.setObjectName(u"subjectLabel")
        self.subjectLabel.setText(u"")
        self.subjectLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.subjectLabel)

        self.hitsTable = QTableWidget(WatchlistAlertDialog)
        if (self.hitsTable.columnCount() < 5):
            self.hitsTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.hitsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.hitsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.hitsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.hitsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.hitsTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.hitsTable.setObjectName(u"hitsTable")
        self.hitsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hitsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hitsTable.setWordWrap(True)
        self.hitsTable.setColumnCount(5)
        self.hitsTable.horizontalHeader().setStretchLastSection(False)
        self.hitsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.hitsTable)

        self.instructionLabel = QLabel(WatchlistAlertDialog)
        self.instructionLabel.setObjectName(u"instructionLabel")
        self.instructionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.instructionLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.referButton = QPushButton(WatchlistAlertDialog)
        self.referButton.setObjectName(u"referButton")

        self.buttonLayout.addWidget(self.referButton)

        self.refuseButton = QPushButton(WatchlistAlertDialog)
        self.refuseButton.setObjectName(u"refuseButton")

        self.buttonLayout.addWidget(self.refuseButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.seenButton = QPushButton(WatchlistAlertDialog)
        self.seenButton.setObjectName(u"seenButton")

        self.buttonLayout.addWidget(self.seenButton)


        self.mainLayout.addLayout(self.buttonLayout)

        QWidget.setTabOrder(self.referButton, self.refuseButton)
        QWidget.setTabOrder(self.refuseButton, self.seenButton)
        QWidget.setTabOrder(self.seenButton, self.hitsTable)

        self.retranslateUi(WatchlistAlertDialog)
    # setupUi

    def retranslateUi(self, WatchlistAlertDialog):
        WatchlistAlertDialog.setWindowTitle(QCoreApplication.translate("WatchlistAlertDialog", u"WATCHLIST HIT", None))
#if QT_CONFIG(accessibility)
        self.headlineLabel.setAccessibleName(QCoreApplication.translate("WatchlistAlertDialog", u"Watchlist hit", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.subjectLabel.setAccessibleName(QCoreApplication.translate("WatchlistAlertDialog", u"Checked", None))
#endif // QT_CONFIG(accessibility)
        ___qtablewidgetitem = self.hitsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("WatchlistAlertDialog", u"List", None))
        ___qtablewidgetitem1 = self.hitsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("WatchlistAlertDialog", u"Entry", None))
        ___qtablewidgetitem2 = self.hitsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("WatchlistAlertDialog", u"Reason", None))
        ___qtablewidgetitem3 = self.hitsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("WatchlistAlertDialog", u"Required action", None))
        ___qtablewidgetitem4 = self.hitsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("WatchlistAlertDialog", u"Score", None))
#if QT_CONFIG(accessibility)
        self.hitsTable.setAccessibleName(QCoreApplication.translate("WatchlistAlertDialog", u"Watchlist entries found", None))
#endif // QT_CONFIG(accessibility)
        self.instructionLabel.setText(QCoreApplication.translate("WatchlistAlertDialog", u"Refer (F8) or refuse (F9) as the list requires. Clearing this traveller or vehicle needs a supervisor's code, PIN and a reason.", None))
#if QT_CONFIG(accessibility)
        self.instructionLabel.setAccessibleName(QCoreApplication.translate("WatchlistAlertDialog", u"What to do", None))
#endif // QT_CONFIG(accessibility)
        self.referButton.setText(QCoreApplication.translate("WatchlistAlertDialog", u"Refer to secondary (F8)", None))
#if QT_CONFIG(accessibility)
        self.referButton.setAccessibleName(QCoreApplication.translate("WatchlistAlertDialog", u"Refer to secondary", None))
#endif // QT_CONFIG(accessibility)
        self.refuseButton.setText(QCoreApplication.translate("WatchlistAlertDialog", u"Refuse (F9)", None))
#if QT_CONFIG(accessibility)
        self.refuseButton.setAccessibleName(QCoreApplication.translate("WatchlistAlertDialog", u"Refuse", None))
#endif // QT_CONFIG(accessibility)
        self.seenButton.setText(QCoreApplication.translate("WatchlistAlertDialog", u"I have seen it \u2014 back to the form", None))
#if QT_CONFIG(accessibility)
        self.seenButton.setAccessibleName(QCoreApplication.translate("WatchlistAlertDialog", u"Back to the form", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

