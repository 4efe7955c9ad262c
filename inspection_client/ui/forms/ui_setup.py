# generated from forms/setup.ui — do not edit
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SetupDialog(object):
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName(u"SetupDialog")
        SetupDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(SetupDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(SetupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.setupForm = QFormLayout()
        self.setupForm.setObjectName(u"setupForm")
        self.portEditLabel = QLabel(SetupDialog)
        self.portEditLabel.setObjectName(u"portEditLabel")

        self.setupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.portEditLabel)

        self.portEdit = QLineEdit(SetupDialog)
        self.portEdit.setObjectName(u"portEdit")
        self.portEdit.setMaxLength(8)

        self.setupForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.portEdit)

        self.laneEditLabel = QLabel(SetupDialog)
        self.laneEditLabel.setObjectName(u"laneEditLabel")

        self.setupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.laneEditLabel)

        self.laneEdit = QLineEdit(SetupDialog)
        self.laneEdit.setObjectName(u"laneEdit")
        self.laneEdit.setMaxLength(12)

        self.setupForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.laneEdit)

        self.laneKindComboLabel = QLabel(SetupDialog)
        self.laneKindComboLabel.setObjectName(u"laneKindComboLabel")

        self.setupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.laneKindComboLabel)

        self.laneKindCombo = QComboBox(SetupDialog)
        self.laneKindCombo.setObjectName(u"laneKindCombo")

        self.setupForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.laneKindCombo)

        self.directionComboLabel = QLabel(SetupDialog)
        self.directionComboLabel.setObjectName(u"directionComboLabel")

        self.setupForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.directionComboLabel)

        self.directionCombo = QComboBox(SetupDialog)
        self.directionCombo.setObjectName(u"directionCombo")

        self.setupForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.directionCombo)

        self.supervisorCodeEditLabel = QLabel(SetupDialog)
        self.supervisorCodeEditLabel.setObjectName(u"supervisorCodeEditLabel")

        self.setupForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.supervisorCodeEditLabel)

        self.supervisorCodeEdit = QLineEdit(SetupDialog)
        self.supervisorCodeEdit.setObjectName(u"supervisorCodeEdit")
        self.supervisorCodeEdit.setMaxLength(12)

        self.setupForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.supervisorCodeEdit)

        self.supervisorNameEditLabel = QLabel(SetupDialog)
        self.supervisorNameEditLabel.setObjectName(u"supervisorNameEditLabel")

        self.setupForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.supervisorNameEditLabel)

        self.supervisorNameEdit = QLineEdit(SetupDialog)
        self.supervisorNameEdit.setObjectName(u"supervisorNameEdit")
        self.supervisorNameEdit.setMaxLength(120)

        self.setupForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.supervisorNameEdit)

        self.pinEditLabel = QLabel(SetupDialog)
        self.pinEditLabel.setObjectName(u"pinEditLabel")

        self.setupForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.pinEditLabel)

        self.pinEdit = QLineEdit(SetupDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pinEdit.setMaxLength(12)

        self.setupForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.pinEdit)

        self.pinAgainEditLabel = QLabel(SetupDialog)
        self.pinAgainEditLabel.setObjectName(u"pinAgainEditLabel")

        self.setupForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.pinAgainEditLabel)

        self.pinAgainEdit = QLineEdit(SetupDialog)
        self.pinAgainEdit.setObjectName(u"pinAgainEdit")
        self.pinAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pinAgainEdit.setMaxLength(12)

        self.setupForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.pinAgainEdit)


        self.mainLayout.addLayout(self.setupForm)

        self.messageLabel = QLabel(SetupDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(SetupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.portEditLabel.setBuddy(self.portEdit)
        self.laneEditLabel.setBuddy(self.laneEdit)
        self.laneKindComboLabel.setBuddy(self.laneKindCombo)
        self.directionComboLabel.setBuddy(self.directionCombo)
        self.supervisorCodeEditLabel.setBuddy(self.supervisorCodeEdit)
        self.supervisorNameEditLabel.setBuddy(self.supervisorNameEdit)
        self.pinEditLabel.setBuddy(self.pinEdit)
        self.pinAgainEditLabel.setBuddy(self.pinAgainEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.portEdit, self.laneEdit)
        QWidget.setTabOrder(self.laneEdit, self.laneKindCombo)
        QWidget.setTabOrder(self.laneKindCombo, self.directionCombo)
        QWidget.setTabOrder(self.directionCombo, self.supervisorCodeEdit)
        QWidget.setTabOrder(self.supervisorCodeEdit, self.supervisorNameEdit)
        QWidget.setTabOrder(self.supervisorNameEdit, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.pinAgainEdit)
        QWidget.setTabOrder(self.pinAgainEdit, self.buttonBox)

        self.retranslateUi(SetupDialog)
    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(QCoreApplication.translate("SetupDialog", u"Set up this workstation", None))
        self.introLabel.setText(QCoreApplication.translate("SetupDialog", u"This data directory holds no workstation yet. Enter where it serves and the first supervisor account.", None))
        self.portEditLabel.setText(QCoreApplication.translate("SetupDialog", u"&Port code:", None))
        self.portEdit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"e.g. KHG", None))
#if QT_CONFIG(accessibility)
        self.portEdit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Port code", None))
#endif // QT_CONFIG(accessibility)
        self.laneEditLabel.setText(QCoreApplication.translate("SetupDialog", u"&Lane:", None))
        self.laneEdit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"e.g. P01", None))
#if QT_CONFIG(accessibility)
        self.laneEdit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Lane", None))
#endif // QT_CONFIG(accessibility)
        self.laneKindComboLabel.setText(QCoreApplication.translate("SetupDialog", u"Lane &kind:", None))
#if QT_CONFIG(accessibility)
        self.laneKindCombo.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Lane kind", None))
#endif // QT_CONFIG(accessibility)
        self.directionComboLabel.setText(QCoreApplication.translate("SetupDialog", u"Default &direction:", None))
#if QT_CONFIG(accessibility)
        self.directionCombo.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Default direction", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorCodeEditLabel.setText(QCoreApplication.translate("SetupDialog", u"Supervisor c&ode:", None))
#if QT_CONFIG(accessibility)
        self.supervisorCodeEdit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Supervisor code", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorNameEditLabel.setText(QCoreApplication.translate("SetupDialog", u"Supervisor &name:", None))
#if QT_CONFIG(accessibility)
        self.supervisorNameEdit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Supervisor name", None))
#endif // QT_CONFIG(accessibility)
        self.pinEditLabel.setText(QCoreApplication.translate("SetupDialog", u"P&IN:", None))
#if QT_CONFIG(accessibility)
        self.pinEdit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"PIN", None))
#endif // QT_CONFIG(accessibility)
        self.pinAgainEditLabel.setText(QCoreApplication.translate("SetupDialog", u"PIN &again:", None))
#if QT_CONFIG(accessibility)
        self.pinAgainEdit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"PIN again", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

