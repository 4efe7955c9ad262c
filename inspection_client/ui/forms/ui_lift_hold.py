# generated from forms/lift_hold.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLayout,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_LiftHoldDialog(object):
    def setupUi(self, LiftHoldDialog):
        if not LiftHoldDialog.objectName():
            LiftHoldDialog.setObjectName(u"LiftHoldDialog")
        LiftHoldDialog.setMinimumSize(QSize(560, 320))
        self.mainLayout = QVBoxLayout(LiftHoldDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.explanationLabel = QLabel(LiftHoldDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setText(u"")
        self.explanationLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.explanationLabel)

        self.reasonLabel = QLabel(LiftHoldDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.mainLayout.addWidget(self.reasonLabel)

        self.reasonEdit = QLineEdit(LiftHoldDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(500)

        self.mainLayout.addWidget(self.reasonEdit)

        self.confirmCheck = QCheckBox(LiftHoldDialog)
        self.confirmCheck.setObjectName(u"confirmCheck")

        self.mainLayout.addWidget(self.confirmCheck)

        self.approvalForm = QFormLayout()
        self.approvalForm.setObjectName(u"approvalForm")
        self.supervisorCodeEditLabel = QLabel(LiftHoldDialog)
        self.supervisorCodeEditLabel.setObjectName(u"supervisorCodeEditLabel")

        self.approvalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.supervisorCodeEditLabel)

        self.supervisorCodeEdit = QLineEdit(LiftHoldDialog)
        self.supervisorCodeEdit.setObjectName(u"supervisorCodeEdit")
        self.supervisorCodeEdit.setMaxLength(12)

        self.approvalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.supervisorCodeEdit)

        self.supervisorPinEditLabel = QLabel(LiftHoldDialog)
        self.supervisorPinEditLabel.setObjectName(u"supervisorPinEditLabel")

        self.approvalForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.supervisorPinEditLabel)

        self.supervisorPinEdit = QLineEdit(LiftHoldDialog)
        self.supervisorPinEdit.setObjectName(u"supervisorPinEdit")
        self.supervisorPinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.supervisorPinEdit.setMaxLength(12)

        self.approvalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.supervisorPinEdit)


        self.mainLayout.addLayout(self.approvalForm)

        self.messageLabel = QLabel(LiftHoldDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(LiftHoldDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.supervisorCodeEditLabel.setBuddy(self.supervisorCodeEdit)
        self.supervisorPinEditLabel.setBuddy(self.supervisorPinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reasonEdit, self.confirmCheck)
        QWidget.setTabOrder(self.confirmCheck, self.supervisorCodeEdit)
        QWidget.setTabOrder(self.supervisorCodeEdit, self.supervisorPinEdit)
        QWidget.setTabOrder(self.supervisorPinEdit, self.buttonBox)

        self.retranslateUi(LiftHoldDialog)
    # setupUi

    def retranslateUi(self, LiftHoldDialog):
        LiftHoldDialog.setWindowTitle(QCoreApplication.translate("LiftHoldDialog", u"Restored database: new records are held", None))
        self.reasonLabel.setText(QCoreApplication.translate("LiftHoldDialog", u"&Why the lane cannot wait for the central:", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("LiftHoldDialog", u"Why the lane cannot wait for the central", None))
#endif // QT_CONFIG(accessibility)
        self.confirmCheck.setText(QCoreApplication.translate("LiftHoldDialog", u"I lift the hold; IT sorts out any records numbered twice", None))
#if QT_CONFIG(accessibility)
        self.confirmCheck.setAccessibleName(QCoreApplication.translate("LiftHoldDialog", u"I lift the hold", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorCodeEditLabel.setText(QCoreApplication.translate("LiftHoldDialog", u"Supervisor &code:", None))
#if QT_CONFIG(accessibility)
        self.supervisorCodeEdit.setAccessibleName(QCoreApplication.translate("LiftHoldDialog", u"Supervisor code", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorPinEditLabel.setText(QCoreApplication.translate("LiftHoldDialog", u"Supervisor &PIN:", None))
#if QT_CONFIG(accessibility)
        self.supervisorPinEdit.setAccessibleName(QCoreApplication.translate("LiftHoldDialog", u"Supervisor PIN", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("LiftHoldDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("LiftHoldDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

