# generated from forms/gate.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_GateScreen(object):
    def setupUi(self, GateScreen):
        if not GateScreen.objectName():
            GateScreen.setObjectName(u"GateScreen")
        self.mainLayout = QVBoxLayout(GateScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.scanLabel = QLabel(GateScreen)
        self.scanLabel.setObjectName(u"scanLabel")
        self.scanLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.scanLabel)

        self.scanLayout = QHBoxLayout()
        self.scanLayout.setObjectName(u"scanLayout")
        self.scanEdit = QLineEdit(GateScreen)
        self.scanEdit.setObjectName(u"scanEdit")
        self.scanEdit.setMaxLength(8000)

        self.scanLayout.addWidget(self.scanEdit)

        self.checkButton = QPushButton(GateScreen)
        self.checkButton.setObjectName(u"checkButton")
        self.checkButton.setAutoDefault(False)

        self.scanLayout.addWidget(self.checkButton)


        self.mainLayout.addLayout(self.scanLayout)

        self.verdictLabel = QLabel(GateScreen)
        self.verdictLabel.setObjectName(u"verdictLabel")
        self.verdictLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdictLabel.setWordWrap(True)
        self.verdictLabel.setMinimumSize(QSize(0, 96))

        self.mainLayout.addWidget(self.verdictLabel)

        self.reasonLabel = QLabel(GateScreen)
        self.reasonLabel.setObjectName(u"reasonLabel")
        self.reasonLabel.setText(u"")
        self.reasonLabel.setWordWrap(True)
        self.reasonLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.reasonLabel)

        self.claimsLabel = QLabel(GateScreen)
        self.claimsLabel.setObjectName(u"claimsLabel")

        self.mainLayout.addWidget(self.claimsLabel)

        self.claimsText = QTextBrowser(GateScreen)
        self.claimsText.setObjectName(u"claimsText")
        self.claimsText.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.mainLayout.addWidget(self.claimsText)

#if QT_CONFIG(shortcut)
        self.scanLabel.setBuddy(self.scanEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.scanEdit, self.checkButton)
        QWidget.setTabOrder(self.checkButton, self.claimsText)

        self.retranslateUi(GateScreen)
    # setupUi

    def retranslateUi(self, GateScreen):
#if QT_CONFIG(accessibility)
        GateScreen.setAccessibleName(QCoreApplication.translate("GateScreen", u"Gate check", None))
#endif // QT_CONFIG(accessibility)
        self.scanLabel.setText(QCoreApplication.translate("GateScreen", u"Sc&an the release slip or shift report code (the scanner ends with Enter):", None))
#if QT_CONFIG(accessibility)
        self.scanEdit.setAccessibleName(QCoreApplication.translate("GateScreen", u"Scanned code", None))
#endif // QT_CONFIG(accessibility)
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("GateScreen", u"GP1:\u2026 or SR1:\u2026", None))
        self.checkButton.setText(QCoreApplication.translate("GateScreen", u"&Check", None))
#if QT_CONFIG(accessibility)
        self.checkButton.setAccessibleName(QCoreApplication.translate("GateScreen", u"Check the scanned code", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.verdictLabel.setAccessibleName(QCoreApplication.translate("GateScreen", u"Verdict", None))
#endif // QT_CONFIG(accessibility)
        self.verdictLabel.setText(QCoreApplication.translate("GateScreen", u"Waiting for a scan", None))
#if QT_CONFIG(accessibility)
        self.reasonLabel.setAccessibleName(QCoreApplication.translate("GateScreen", u"Reason", None))
#endif // QT_CONFIG(accessibility)
        self.claimsLabel.setText(QCoreApplication.translate("GateScreen", u"What the document says:", None))
#if QT_CONFIG(accessibility)
        self.claimsText.setAccessibleName(QCoreApplication.translate("GateScreen", u"What the document says", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

