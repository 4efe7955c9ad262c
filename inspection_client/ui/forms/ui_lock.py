# generated from forms/lock.ui — do not edit
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

class Ui_LockScreen(object):
    def setupUi(self, LockScreen):
        if not LockScreen.objectName():
            LockScreen.setObjectName(u"LockScreen")
        self.outerLayout = QVBoxLayout(LockScreen)
        self.outerLayout.setObjectName(u"outerLayout")
        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.topSpacer)

        self.centerLayout = QHBoxLayout()
        self.centerLayout.setObjectName(u"centerLayout")
        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centerLayout.addItem(self.leftSpacer)

        self.lockCard = QFrame(LockScreen)
        self.lockCard.setObjectName(u"lockCard")
        self.lockCard.setMinimumSize(QSize(460, 0))
        self.lockCard.setMaximumSize(QSize(620, 16777215))
        self.cardLayout = QVBoxLayout(self.lockCard)
        self.cardLayout.setObjectName(u"cardLayout")
        self.lockTitleLabel = QLabel(self.lockCard)
        self.lockTitleLabel.setObjectName(u"lockTitleLabel")

        self.cardLayout.addWidget(self.lockTitleLabel)

        self.lockInfoLabel = QLabel(self.lockCard)
        self.lockInfoLabel.setObjectName(u"lockInfoLabel")
        self.lockInfoLabel.setWordWrap(True)

        self.cardLayout.addWidget(self.lockInfoLabel)

        self.lockForm = QFormLayout()
        self.lockForm.setObjectName(u"lockForm")
        self.lockCodeEditLabel = QLabel(self.lockCard)
        self.lockCodeEditLabel.setObjectName(u"lockCodeEditLabel")

        self.lockForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lockCodeEditLabel)

        self.lockCodeEdit = QLineEdit(self.lockCard)
        self.lockCodeEdit.setObjectName(u"lockCodeEdit")
        self.lockCodeEdit.setMaxLength(12)

        self.lockForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.lockCodeEdit)

        self.lockPinEditLabel = QLabel(self.lockCard)
        self.lockPinEditLabel.setObjectName(u"lockPinEditLabel")

        self.lockForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lockPinEditLabel)

        self.lockPinEdit = QLineEdit(self.lockCard)
        self.lockPinEdit.setObjectName(u"lockPinEdit")
        self.lockPinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.lockPinEdit.setMaxLength(12)

        self.lockForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lockPinEdit)


        self.cardLayout.addLayout(self.lockForm)

        self.lockMessageLabel = QLabel(self.lockCard)
        self.lockMessageLabel.setObjectName(u"lockMessageLabel")
        self.lockMessageLabel.setText(u"")
        self.lockMessageLabel.setWordWrap(True)

        self.cardLayout.addWidget(self.lockMessageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.unlockButton = QPushButton(self.lockCard)
        self.unlockButton.setObjectName(u"unlockButton")
        self.unlockButton.setAutoDefault(True)

        self.buttonLayout.addWidget(self.unlockButton)


        self.cardLayout.addLayout(self.buttonLayout)


        self.centerLayout.addWidget(self.lockCard)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centerLayout.addItem(self.rightSpacer)


        self.outerLayout.addLayout(self.centerLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.lockCodeEditLabel.setBuddy(self.lockCodeEdit)
        self.lockPinEditLabel.setBuddy(self.lockPinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.lockCodeEdit, self.lockPinEdit)
        QWidget.setTabOrder(self.lockPinEdit, self.unlockButton)

        self.retranslateUi(LockScreen)

        self.unlockButton.setDefault(True)

    # setupUi

    def retranslateUi(self, LockScreen):
        LockScreen.setWindowTitle(QCoreApplication.translate("LockScreen", u"Screen locked", None))
        self.lockTitleLabel.setText(QCoreApplication.translate("LockScreen", u"Screen locked", None))
        self.lockInfoLabel.setText(QCoreApplication.translate("LockScreen", u"The work in progress is kept. Enter your PIN, or a supervisor's code and PIN, to continue.", None))
        self.lockCodeEditLabel.setText(QCoreApplication.translate("LockScreen", u"Officer &code:", None))
#if QT_CONFIG(accessibility)
        self.lockCodeEdit.setAccessibleName(QCoreApplication.translate("LockScreen", u"Officer code", None))
#endif // QT_CONFIG(accessibility)
        self.lockPinEditLabel.setText(QCoreApplication.translate("LockScreen", u"&PIN:", None))
#if QT_CONFIG(accessibility)
        self.lockPinEdit.setAccessibleName(QCoreApplication.translate("LockScreen", u"PIN", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.lockMessageLabel.setAccessibleName(QCoreApplication.translate("LockScreen", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.unlockButton.setText(QCoreApplication.translate("LockScreen", u"&Unlock", None))
#if QT_CONFIG(accessibility)
        self.unlockButton.setAccessibleName(QCoreApplication.translate("LockScreen", u"Unlock", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

