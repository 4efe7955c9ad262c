# generated from forms/login.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_LoginScreen(object):
    def setupUi(self, LoginScreen):
        if not LoginScreen.objectName():
            LoginScreen.setObjectName(u"LoginScreen")
        self.outerLayout = QVBoxLayout(LoginScreen)
        self.outerLayout.setObjectName(u"outerLayout")
        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.topSpacer)

        self.centerLayout = QHBoxLayout()
        self.centerLayout.setObjectName(u"centerLayout")
        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centerLayout.addItem(self.leftSpacer)

        self.loginCard = QFrame(LoginScreen)
        self.loginCard.setObjectName(u"loginCard")
        self.loginCard.setMinimumSize(QSize(460, 0))
        self.loginCard.setMaximumSize(QSize(620, 16777215))
        self.cardLayout = QVBoxLayout(self.loginCard)
        self.cardLayout.setObjectName(u"cardLayout")
        self.titleLabel = QLabel(self.loginCard)
        self.titleLabel.setObjectName(u"titleLabel")

        self.cardLayout.addWidget(self.titleLabel)

        self.workstationLabel = QLabel(self.loginCard)
        self.workstationLabel.setObjectName(u"workstationLabel")
        self.workstationLabel.setText(u"")
        self.workstationLabel.setWordWrap(True)

        self.cardLayout.addWidget(self.workstationLabel)

        self.demoLabel = QLabel(self.loginCard)
        self.demoLabel.setObjectName(u"demoLabel")
        self.demoLabel.setWordWrap(True)

        self.cardLayout.addWidget(self.demoLabel)

        self.loginForm = QFormLayout()
        self.loginForm.setObjectName(u"loginForm")
        self.codeEditLabel = QLabel(self.loginCard)
        self.codeEditLabel.setObjectName(u"codeEditLabel")

        self.loginForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeEditLabel)

        self.codeEdit = QLineEdit(self.loginCard)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(12)

        self.loginForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.pinEditLabel = QLabel(self.loginCard)
        self.pinEditLabel.setObjectName(u"pinEditLabel")

        self.loginForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pinEditLabel)

        self.pinEdit = QLineEdit(self.loginCard)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pinEdit.setMaxLength(12)

        self.loginForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pinEdit)


        self.cardLayout.addLayout(self.loginForm)

        self.messageLabel = QLabel(self.loginCard)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.cardLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.loginButton = QPushButton(self.loginCard)
        self.loginButton.setObjectName(u"loginButton")
        self.loginButton.setAutoDefault(True)

        self.buttonLayout.addWidget(self.loginButton)


        self.cardLayout.addLayout(self.buttonLayout)


        self.centerLayout.addWidget(self.loginCard)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centerLayout.addItem(self.rightSpacer)


        self.outerLayout.addLayout(self.centerLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.codeEditLabel.setBuddy(self.codeEdit)
        self.pinEditLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.loginButton)

        self.retranslateUi(LoginScreen)

        self.loginButton.setDefault(True)

    # setupUi

    def retranslateUi(self, LoginScreen):
        LoginScreen.setWindowTitle(QCoreApplication.translate("LoginScreen", u"Sign in", None))
        self.titleLabel.setText(QCoreApplication.translate("LoginScreen", u"Lane client \u2014 sign in", None))
        self.demoLabel.setText(QCoreApplication.translate("LoginScreen", u"DEMO WORKSTATION \u2014 not for real inspections. Accounts: officer DEMO01 (PIN 2468), supervisor SUP01 (PIN 1357).", None))
        self.codeEditLabel.setText(QCoreApplication.translate("LoginScreen", u"Officer &code:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("LoginScreen", u"e.g. DEMO01", None))
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleName(QCoreApplication.translate("LoginScreen", u"Officer code", None))
#endif // QT_CONFIG(accessibility)
        self.pinEditLabel.setText(QCoreApplication.translate("LoginScreen", u"&PIN:", None))
#if QT_CONFIG(accessibility)
        self.pinEdit.setAccessibleName(QCoreApplication.translate("LoginScreen", u"PIN", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("LoginScreen", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.loginButton.setText(QCoreApplication.translate("LoginScreen", u"&Sign in", None))
#if QT_CONFIG(accessibility)
        self.loginButton.setAccessibleName(QCoreApplication.translate("LoginScreen", u"Sign in", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

