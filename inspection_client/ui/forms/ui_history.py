# generated from forms/history.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_HistoryScreen(object):
    def setupUi(self, HistoryScreen):
        if not HistoryScreen.objectName():
            HistoryScreen.setObjectName(u"HistoryScreen")
        self.historyLayout = QVBoxLayout(HistoryScreen)
        self.historyLayout.setObjectName(u"historyLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterEdit = QLineEdit(HistoryScreen)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.filterEdit)

        self.dateCheck = QCheckBox(HistoryScreen)
        self.dateCheck.setObjectName(u"dateCheck")

        self.filterLayout.addWidget(self.dateCheck)

        self.fromDateEdit = QDateEdit(HistoryScreen)
        self.fromDateEdit.setObjectName(u"fromDateEdit")
        self.fromDateEdit.setCalendarPopup(True)
        self.fromDateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.filterLayout.addWidget(self.fromDateEdit)

        self.toDateEdit = QDateEdit(HistoryScreen)
        self.toDateEdit.setObjectName(u"toDateEdit")
        self.toDateEdit.setCalendarPopup(True)
        self.toDateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.filterLayout.addWidget(self.toDateEdit)

        self.decisionCombo = QComboBox(HistoryScreen)
        self.decisionCombo.setObjectName(u"decisionCombo")

        self.filterLayout.addWidget(self.decisionCombo)

        self.directionCombo = QComboBox(HistoryScreen)
        self.directionCombo.setObjectName(u"directionCombo")

        self.filterLayout.addWidget(self.directionCombo)


        self.historyLayout.addLayout(self.filterLayout)

        self.historyTable = QTableView(HistoryScreen)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.historyLayout.addWidget(self.historyTable)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.resultLabel = QLabel(HistoryScreen)
        self.resultLabel.setObjectName(u"resultLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.resultLabel.sizePolicy().hasHeightForWidth())
        self.resultLabel.setSizePolicy(sizePolicy)
        self.resultLabel.setText(u"")
        self.resultLabel.setWordWrap(True)

        self.footerLayout.addWidget(self.resultLabel)

        self.footerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerSpacer)

        self.openButton = QPushButton(HistoryScreen)
        self.openButton.setObjectName(u"openButton")

        self.footerLayout.addWidget(self.openButton)


        self.historyLayout.addLayout(self.footerLayout)

        QWidget.setTabOrder(self.filterEdit, self.dateCheck)
        QWidget.setTabOrder(self.dateCheck, self.fromDateEdit)
        QWidget.setTabOrder(self.fromDateEdit, self.toDateEdit)
        QWidget.setTabOrder(self.toDateEdit, self.decisionCombo)
        QWidget.setTabOrder(self.decisionCombo, self.directionCombo)
        QWidget.setTabOrder(self.directionCombo, self.historyTable)
        QWidget.setTabOrder(self.historyTable, self.openButton)

        self.retranslateUi(HistoryScreen)
    # setupUi

    def retranslateUi(self, HistoryScreen):
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("HistoryScreen", u"Document number, name, plate, VIN or container\u2026", None))
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(QCoreApplication.translate("HistoryScreen", u"Filter", None))
#endif // QT_CONFIG(accessibility)
        self.dateCheck.setText(QCoreApplication.translate("HistoryScreen", u"&Between", None))
#if QT_CONFIG(accessibility)
        self.dateCheck.setAccessibleName(QCoreApplication.translate("HistoryScreen", u"Between", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.fromDateEdit.setAccessibleName(QCoreApplication.translate("HistoryScreen", u"From date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.toDateEdit.setAccessibleName(QCoreApplication.translate("HistoryScreen", u"To date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.decisionCombo.setAccessibleName(QCoreApplication.translate("HistoryScreen", u"Decision", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.directionCombo.setAccessibleName(QCoreApplication.translate("HistoryScreen", u"Direction", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("HistoryScreen", u"Records", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.resultLabel.setAccessibleName(QCoreApplication.translate("HistoryScreen", u"Results", None))
#endif // QT_CONFIG(accessibility)
        self.openButton.setText(QCoreApplication.translate("HistoryScreen", u"&Open record\u2026", None))
#if QT_CONFIG(accessibility)
        self.openButton.setAccessibleName(QCoreApplication.translate("HistoryScreen", u"Open record\u2026", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

