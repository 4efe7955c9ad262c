# generated from forms/supervisor.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SupervisorDialog(object):
    def setupUi(self, SupervisorDialog):
        if not SupervisorDialog.objectName():
            SupervisorDialog.setObjectName(u"SupervisorDialog")
        SupervisorDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(SupervisorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.actionLabel = QLabel(SupervisorDialog)
        self.actionLabel.setObjectName(u"actionLabel")
        self.actionLabel.setText(u"")
        self.actionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.actionLabel)

        self.approvalForm = QFormLayout()
        self.approvalForm.setObjectName(u"approvalForm")
        self.reasonEditLabel = QLabel(SupervisorDialog)
        self.reasonEditLabel.setObjectName(u"reasonEditLabel")

        self.approvalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonEditLabel)

        self.reasonEdit = QPlainTextEdit(SupervisorDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)
        self.reasonEdit.setMaximumSize(QSize(16777215, 90))

        self.approvalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.supervisorCodeEditLabel = QLabel(SupervisorDialog)
        self.supervisorCodeEditLabel.setObjectName(u"supervisorCodeEditLabel")

        self.approvalForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.supervisorCodeEditLabel)

        self.supervisorCodeEdit = QLineEdit(SupervisorDialog)
        self.supervisorCodeEdit.setObjectName(u"supervisorCodeEdit")
        self.supervisorCodeEdit.setMaxLength(12)

        self.approvalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.supervisorCodeEdit)

        self.supervisorPinEditLabel = QLabel(SupervisorDialog)
        self.supervisorPinEditLabel.setObjectName(u"supervisorPinEditLabel")

        self.approvalForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.supervisorPinEditLabel)

        self.supervisorPinEdit = QLineEdit(SupervisorDialog)
        self.supervisorPinEdit.setObjectName(u"supervisorPinEdit")
        self.supervisorPinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.supervisorPinEdit.setMaxLength(12)

        self.approvalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.supervisorPinEdit)


        self.mainLayout.addLayout(self.approvalForm)

        self.messageLabel = QLabel(SupervisorDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(SupervisorDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonEditLabel.setBuddy(self.reasonEdit)
        self.supervisorCodeEditLabel.setBuddy(self.supervisorCodeEdit)
        self.supervisorPinEditLabel.setBuddy(self.supervisorPinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reasonEdit, self.supervisorCodeEdit)
        QWidget.setTabOrder(self.supervisorCodeEdit, self.supervisorPinEdit)
        QWidget.setTabOrder(self.supervisorPinEdit, self.buttonBox)

        self.retranslateUi(SupervisorDialog)
    # setupUi

    def retranslateUi(self, SupervisorDialog):
        SupervisorDialog.setWindowTitle(QCoreApplication.translate("SupervisorDialog", u"Supervisor approval", None))
        self.reasonEditLabel.setText(QCoreApplication.translate("SupervisorDialog", u"&Reason:", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("SupervisorDialog", u"Reason", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorCodeEditLabel.setText(QCoreApplication.translate("SupervisorDialog", u"Supervisor &code:", None))
#if QT_CONFIG(accessibility)
        self.supervisorCodeEdit.setAccessibleName(QCoreApplication.translate("SupervisorDialog", u"Supervisor code", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorPinEditLabel.setText(QCoreApplication.translate("SupervisorDialog", u"Supervisor &PIN:", None))
#if QT_CONFIG(accessibility)
        self.supervisorPinEdit.setAccessibleName(QCoreApplication.translate("SupervisorDialog", u"Supervisor PIN", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("SupervisorDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("SupervisorDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

