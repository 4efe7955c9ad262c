# generated from forms/reset_pin.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLayout,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ResetPinDialog(object):
    def setupUi(self, ResetPinDialog):
        if not ResetPinDialog.objectName():
            ResetPinDialog.setObjectName(u"ResetPinDialog")
        self.mainLayout = QVBoxLayout(ResetPinDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.explanationLabel = QLabel(ResetPinDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setText(u"")
        self.explanationLabel.setMinimumSize(QSize(440, 0))
        self.explanationLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.explanationLabel)

        self.pinForm = QFormLayout()
        self.pinForm.setObjectName(u"pinForm")
        self.officerComboLabel = QLabel(ResetPinDialog)
        self.officerComboLabel.setObjectName(u"officerComboLabel")

        self.pinForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.officerComboLabel)

        self.officerCombo = QComboBox(ResetPinDialog)
        self.officerCombo.setObjectName(u"officerCombo")

        self.pinForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.officerCombo)

        self.newPinEditLabel = QLabel(ResetPinDialog)
        self.newPinEditLabel.setObjectName(u"newPinEditLabel")

        self.pinForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newPinEditLabel)

        self.newPinEdit = QLineEdit(ResetPinDialog)
        self.newPinEdit.setObjectName(u"newPinEdit")
        self.newPinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.newPinEdit.setMaxLength(12)

        self.pinForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newPinEdit)

        self.newPinAgainEditLabel = QLabel(ResetPinDialog)
        self.newPinAgainEditLabel.setObjectName(u"newPinAgainEditLabel")

        self.pinForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.newPinAgainEditLabel)

        self.newPinAgainEdit = QLineEdit(ResetPinDialog)
        self.newPinAgainEdit.setObjectName(u"newPinAgainEdit")
        self.newPinAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.newPinAgainEdit.setMaxLength(12)

        self.pinForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.newPinAgainEdit)

        self.ownPinEditLabel = QLabel(ResetPinDialog)
        self.ownPinEditLabel.setObjectName(u"ownPinEditLabel")

        self.pinForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ownPinEditLabel)

        self.ownPinEdit = QLineEdit(ResetPinDialog)
        self.ownPinEdit.setObjectName(u"ownPinEdit")
        self.ownPinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.ownPinEdit.setMaxLength(12)

        self.pinForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ownPinEdit)


        self.mainLayout.addLayout(self.pinForm)

        self.messageLabel = QLabel(ResetPinDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setMinimumSize(QSize(440, 0))
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ResetPinDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.officerComboLabel.setBuddy(self.officerCombo)
        self.newPinEditLabel.setBuddy(self.newPinEdit)
        self.newPinAgainEditLabel.setBuddy(self.newPinAgainEdit)
        self.ownPinEditLabel.setBuddy(self.ownPinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.officerCombo, self.newPinEdit)
        QWidget.setTabOrder(self.newPinEdit, self.newPinAgainEdit)
        QWidget.setTabOrder(self.newPinAgainEdit, self.ownPinEdit)
        QWidget.setTabOrder(self.ownPinEdit, self.buttonBox)

        self.retranslateUi(ResetPinDialog)
    # setupUi

    def retranslateUi(self, ResetPinDialog):
        ResetPinDialog.setWindowTitle(QCoreApplication.translate("ResetPinDialog", u"Reset an officer's PIN", None))
        self.officerComboLabel.setText(QCoreApplication.translate("ResetPinDialog", u"&Officer:", None))
#if QT_CONFIG(accessibility)
        self.officerCombo.setAccessibleName(QCoreApplication.translate("ResetPinDialog", u"Officer", None))
#endif // QT_CONFIG(accessibility)
        self.newPinEditLabel.setText(QCoreApplication.translate("ResetPinDialog", u"&New PIN:", None))
#if QT_CONFIG(accessibility)
        self.newPinEdit.setAccessibleName(QCoreApplication.translate("ResetPinDialog", u"New PIN", None))
#endif // QT_CONFIG(accessibility)
        self.newPinAgainEditLabel.setText(QCoreApplication.translate("ResetPinDialog", u"New PIN &again:", None))
#if QT_CONFIG(accessibility)
        self.newPinAgainEdit.setAccessibleName(QCoreApplication.translate("ResetPinDialog", u"New PIN again", None))
#endif // QT_CONFIG(accessibility)
        self.ownPinEditLabel.setText(QCoreApplication.translate("ResetPinDialog", u"&Your own PIN:", None))
#if QT_CONFIG(accessibility)
        self.ownPinEdit.setAccessibleName(QCoreApplication.translate("ResetPinDialog", u"Your own PIN", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("ResetPinDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ResetPinDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

