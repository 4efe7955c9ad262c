# generated from forms/amend.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AmendDialog(object):
    def setupUi(self, AmendDialog):
        if not AmendDialog.objectName():
            AmendDialog.setObjectName(u"AmendDialog")
        AmendDialog.setMinimumSize(QSize(900, 640))
        self.mainLayout = QVBoxLayout(AmendDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.infoLabel = QLabel(AmendDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setText(u"")
        self.infoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.infoLabel)

        self.formScroll = QScrollArea(AmendDialog)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setWidgetResizable(True)
        self.formHost = QWidget()
        self.formHost.setObjectName(u"formHost")
        self.formHostLayout = QVBoxLayout(self.formHost)
        self.formHostLayout.setObjectName(u"formHostLayout")
        self.formScroll.setWidget(self.formHost)

        self.mainLayout.addWidget(self.formScroll)

        self.approvalForm = QFormLayout()
        self.approvalForm.setObjectName(u"approvalForm")
        self.decisionComboLabel = QLabel(AmendDialog)
        self.decisionComboLabel.setObjectName(u"decisionComboLabel")

        self.approvalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decisionComboLabel)

        self.decisionCombo = QComboBox(AmendDialog)
        self.decisionCombo.setObjectName(u"decisionCombo")

        self.approvalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.decisionCombo)

        self.groundComboLabel = QLabel(AmendDialog)
        self.groundComboLabel.setObjectName(u"groundComboLabel")

        self.approvalForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.groundComboLabel)

        self.groundCombo = QComboBox(AmendDialog)
        self.groundCombo.setObjectName(u"groundCombo")

        self.approvalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.groundCombo)

        self.reasonEditLabel = QLabel(AmendDialog)
        self.reasonEditLabel.setObjectName(u"reasonEditLabel")

        self.approvalForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonEditLabel)

        self.reasonEdit = QLineEdit(AmendDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(2000)

        self.approvalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.supervisorCodeEditLabel = QLabel(AmendDialog)
        self.supervisorCodeEditLabel.setObjectName(u"supervisorCodeEditLabel")

        self.approvalForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.supervisorCodeEditLabel)

        self.supervisorCodeEdit = QLineEdit(AmendDialog)
        self.supervisorCodeEdit.setObjectName(u"supervisorCodeEdit")
        self.supervisorCodeEdit.setMaxLength(12)

        self.approvalForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.supervisorCodeEdit)

        self.supervisorPinEditLabel = QLabel(AmendDialog)
        self.supervisorPinEditLabel.setObjectName(u"supervisorPinEditLabel")

        self.approvalForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.supervisorPinEditLabel)

        self.supervisorPinEdit = QLineEdit(AmendDialog)
        self.supervisorPinEdit.setObjectName(u"supervisorPinEdit")
        self.supervisorPinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.supervisorPinEdit.setMaxLength(12)

        self.approvalForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.supervisorPinEdit)


        self.mainLayout.addLayout(self.approvalForm)

        self.messageLabel = QLabel(AmendDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(AmendDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.decisionComboLabel.setBuddy(self.decisionCombo)
        self.groundComboLabel.setBuddy(self.groundCombo)
        self.reasonEditLabel.setBuddy(self.reasonEdit)
        self.supervisorCodeEditLabel.setBuddy(self.supervisorCodeEdit)
        self.supervisorPinEditLabel.setBuddy(self.supervisorPinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.decisionCombo, self.groundCombo)
        QWidget.setTabOrder(self.groundCombo, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.supervisorCodeEdit)
        QWidget.setTabOrder(self.supervisorCodeEdit, self.supervisorPinEdit)
        QWidget.setTabOrder(self.supervisorPinEdit, self.buttonBox)

        self.retranslateUi(AmendDialog)
    # setupUi

    def retranslateUi(self, AmendDialog):
        AmendDialog.setWindowTitle(QCoreApplication.translate("AmendDialog", u"Amend a record", None))
        self.decisionComboLabel.setText(QCoreApplication.translate("AmendDialog", u"&Decision:", None))
#if QT_CONFIG(accessibility)
        self.decisionCombo.setAccessibleName(QCoreApplication.translate("AmendDialog", u"Decision", None))
#endif // QT_CONFIG(accessibility)
        self.groundComboLabel.setText(QCoreApplication.translate("AmendDialog", u"&Ground of refusal:", None))
#if QT_CONFIG(accessibility)
        self.groundCombo.setAccessibleName(QCoreApplication.translate("AmendDialog", u"Ground of refusal", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEditLabel.setText(QCoreApplication.translate("AmendDialog", u"&Reason for the amendment:", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("AmendDialog", u"Reason for the amendment", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorCodeEditLabel.setText(QCoreApplication.translate("AmendDialog", u"Supervisor &code:", None))
#if QT_CONFIG(accessibility)
        self.supervisorCodeEdit.setAccessibleName(QCoreApplication.translate("AmendDialog", u"Supervisor code", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorPinEditLabel.setText(QCoreApplication.translate("AmendDialog", u"Supervisor &PIN:", None))
#if QT_CONFIG(accessibility)
        self.supervisorPinEdit.setAccessibleName(QCoreApplication.translate("AmendDialog", u"Supervisor PIN", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("AmendDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("AmendDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

