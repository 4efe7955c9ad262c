# generated from forms/watchlist_alerts.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_WatchlistAlertsDialog(object):
    def setupUi(self, WatchlistAlertsDialog):
        if not WatchlistAlertsDialog.objectName():
            WatchlistAlertsDialog.setObjectName(u"WatchlistAlertsDialog")
        WatchlistAlertsDialog.setMinimumSize(QSize(900, 420))
        self.mainLayout = QVBoxLayout(WatchlistAlertsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.infoLabel = QLabel(WatchlistAlertsDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.infoLabel)

        self.alertsTable = QTableWidget(WatchlistAlertsDialog)
        if (self.alertsTable.columnCount() < 6):
            self.alertsTable.setColumnCount(6)
        __qtablewidgetitem = QTableWidgetItem()
        self.alertsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.alertsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.alertsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.alertsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.alertsTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.alertsTable.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        self.alertsTable.setObjectName(u"alertsTable")
        self.alertsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.alertsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.alertsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.alertsTable.setColumnCount(6)
        self.alertsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.alertsTable)

        self.messageLabel = QLabel(WatchlistAlertsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.acknowledgeButton = QPushButton(WatchlistAlertsDialog)
        self.acknowledgeButton.setObjectName(u"acknowledgeButton")

        self.buttonLayout.addWidget(self.acknowledgeButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(WatchlistAlertsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonLayout)

        QWidget.setTabOrder(self.alertsTable, self.acknowledgeButton)
        QWidget.setTabOrder(self.acknowledgeButton, self.buttonBox)

        self.retranslateUi(WatchlistAlertsDialog)
    # setupUi

    def retranslateUi(self, WatchlistAlertsDialog):
        WatchlistAlertsDialog.setWindowTitle(QCoreApplication.translate("WatchlistAlertsDialog", u"Watchlist alerts on earlier records", None))
        self.infoLabel.setText(QCoreApplication.translate("WatchlistAlertsDialog", u"A newer watchlist found these records of the last 24 hours. Deal with each one, then acknowledge it.", None))
#if QT_CONFIG(accessibility)
        self.infoLabel.setAccessibleName(QCoreApplication.translate("WatchlistAlertsDialog", u"About these alerts", None))
#endif // QT_CONFIG(accessibility)
        ___qtablewidgetitem = self.alertsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("WatchlistAlertsDialog", u"Record", None))
        ___qtablewidgetitem1 = self.alertsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("WatchlistAlertsDialog", u"Recorded", None))
        ___qtablewidgetitem2 = self.alertsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("WatchlistAlertsDialog", u"Who or what", None))
        ___qtablewidgetitem3 = self.alertsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("WatchlistAlertsDialog", u"Reason", None))
        ___qtablewidgetitem4 = self.alertsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("WatchlistAlertsDialog", u"Required action", None))
        ___qtablewidgetitem5 = self.alertsTable.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("WatchlistAlertsDialog", u"Score", None))
#if QT_CONFIG(accessibility)
        self.alertsTable.setAccessibleName(QCoreApplication.translate("WatchlistAlertsDialog", u"Watchlist alerts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("WatchlistAlertsDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.acknowledgeButton.setText(QCoreApplication.translate("WatchlistAlertsDialog", u"&Acknowledge", None))
#if QT_CONFIG(accessibility)
        self.acknowledgeButton.setAccessibleName(QCoreApplication.translate("WatchlistAlertsDialog", u"Acknowledge the selected alert", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("WatchlistAlertsDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

