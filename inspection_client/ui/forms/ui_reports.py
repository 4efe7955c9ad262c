# generated from forms/reports.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QTextBrowser,
    QVBoxLayout, QWidget)

class Ui_ReportsScreen(object):
    def setupUi(self, ReportsScreen):
        if not ReportsScreen.objectName():
            ReportsScreen.setObjectName(u"ReportsScreen")
        self.mainLayout = QVBoxLayout(ReportsScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.scopeBox = QGroupBox(ReportsScreen)
        self.scopeBox.setObjectName(u"scopeBox")
        self.scopeLayout = QGridLayout(self.scopeBox)
        self.scopeLayout.setObjectName(u"scopeLayout")
        self.shiftRadio = QRadioButton(self.scopeBox)
        self.shiftRadio.setObjectName(u"shiftRadio")
        self.shiftRadio.setChecked(True)

        self.scopeLayout.addWidget(self.shiftRadio, 0, 0, 1, 1)

        self.shiftCombo = QComboBox(self.scopeBox)
        self.shiftCombo.setObjectName(u"shiftCombo")
        self.shiftCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.shiftCombo.setMinimumContentsLength(60)

        self.scopeLayout.addWidget(self.shiftCombo, 0, 1, 1, 1)

        self.refreshButton = QPushButton(self.scopeBox)
        self.refreshButton.setObjectName(u"refreshButton")

        self.scopeLayout.addWidget(self.refreshButton, 0, 2, 1, 1)

        self.periodRadio = QRadioButton(self.scopeBox)
        self.periodRadio.setObjectName(u"periodRadio")

        self.scopeLayout.addWidget(self.periodRadio, 1, 0, 1, 1)

        self.periodLayout = QHBoxLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.fromDateEdit = QDateEdit(self.scopeBox)
        self.fromDateEdit.setObjectName(u"fromDateEdit")
        self.fromDateEdit.setCalendarPopup(True)
        self.fromDateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.periodLayout.addWidget(self.fromDateEdit)

        self.toLabel = QLabel(self.scopeBox)
        self.toLabel.setObjectName(u"toLabel")

        self.periodLayout.addWidget(self.toLabel)

        self.toDateEdit = QDateEdit(self.scopeBox)
        self.toDateEdit.setObjectName(u"toDateEdit")
        self.toDateEdit.setCalendarPopup(True)
        self.toDateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.periodLayout.addWidget(self.toDateEdit)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodLayout.addItem(self.periodSpacer)


        self.scopeLayout.addLayout(self.periodLayout, 1, 1, 1, 1)

        self.scopeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scopeLayout.addItem(self.scopeSpacer, 0, 3, 2, 1)

        self.scopeLayout.setColumnStretch(3, 1)

        self.mainLayout.addWidget(self.scopeBox)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setObjectName(u"actionLayout")
        self.showButton = QPushButton(ReportsScreen)
        self.showButton.setObjectName(u"showButton")

        self.actionLayout.addWidget(self.showButton)

        self.openPdfButton = QPushButton(ReportsScreen)
        self.openPdfButton.setObjectName(u"openPdfButton")

        self.actionLayout.addWidget(self.openPdfButton)

        self.exportButton = QPushButton(ReportsScreen)
        self.exportButton.setObjectName(u"exportButton")

        self.actionLayout.addWidget(self.exportButton)

        self.printButton = QPushButton(ReportsScreen)
        self.printButton.setObjectName(u"printButton")

        self.actionLayout.addWidget(self.printButton)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionLayout.addItem(self.actionSpacer)


        self.mainLayout.addLayout(self.actionLayout)

        self.statusLabel = QLabel(ReportsScreen)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setText(u"")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.previewText = QTextBrowser(ReportsScreen)
        self.previewText.setObjectName(u"previewText")

        self.mainLayout.addWidget(self.previewText)

#if QT_CONFIG(shortcut)
        self.toLabel.setBuddy(self.toDateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.shiftRadio, self.shiftCombo)
        QWidget.setTabOrder(self.shiftCombo, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.periodRadio)
        QWidget.setTabOrder(self.periodRadio, self.fromDateEdit)
        QWidget.setTabOrder(self.fromDateEdit, self.toDateEdit)
        QWidget.setTabOrder(self.toDateEdit, self.showButton)
        QWidget.setTabOrder(self.showButton, self.openPdfButton)
        QWidget.setTabOrder(self.openPdfButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.previewText)

        self.retranslateUi(ReportsScreen)
    # setupUi

    def retranslateUi(self, ReportsScreen):
#if QT_CONFIG(accessibility)
        ReportsScreen.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Reports", None))
#endif // QT_CONFIG(accessibility)
        self.scopeBox.setTitle(QCoreApplication.translate("ReportsScreen", u"What to report", None))
        self.shiftRadio.setText(QCoreApplication.translate("ReportsScreen", u"A sh&ift:", None))
#if QT_CONFIG(accessibility)
        self.shiftRadio.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Report a shift", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.shiftCombo.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Shift", None))
#endif // QT_CONFIG(accessibility)
        self.refreshButton.setText(QCoreApplication.translate("ReportsScreen", u"Re&fresh list", None))
#if QT_CONFIG(accessibility)
        self.refreshButton.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Refresh the list of shifts", None))
#endif // QT_CONFIG(accessibility)
        self.periodRadio.setText(QCoreApplication.translate("ReportsScreen", u"A p&eriod from:", None))
#if QT_CONFIG(accessibility)
        self.periodRadio.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Report a period", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.fromDateEdit.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"First day of the period", None))
#endif // QT_CONFIG(accessibility)
        self.toLabel.setText(QCoreApplication.translate("ReportsScreen", u"t&o", None))
#if QT_CONFIG(accessibility)
        self.toDateEdit.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Last day of the period", None))
#endif // QT_CONFIG(accessibility)
        self.showButton.setText(QCoreApplication.translate("ReportsScreen", u"Show the &report", None))
#if QT_CONFIG(accessibility)
        self.showButton.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Show the report", None))
#endif // QT_CONFIG(accessibility)
        self.openPdfButton.setText(QCoreApplication.translate("ReportsScreen", u"Open as P&DF", None))
#if QT_CONFIG(accessibility)
        self.openPdfButton.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Open the report as PDF", None))
#endif // QT_CONFIG(accessibility)
        self.exportButton.setText(QCoreApplication.translate("ReportsScreen", u"E&xport\u2026", None))
#if QT_CONFIG(accessibility)
        self.exportButton.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Export the report to PDF, CSV or XLSX", None))
#endif // QT_CONFIG(accessibility)
        self.printButton.setText(QCoreApplication.translate("ReportsScreen", u"&Print\u2026", None))
#if QT_CONFIG(accessibility)
        self.printButton.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Print the report", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Report status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewText.setAccessibleName(QCoreApplication.translate("ReportsScreen", u"Report summary", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

