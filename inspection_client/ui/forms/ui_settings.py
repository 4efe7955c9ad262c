# generated from forms/settings.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.settingsForm = QFormLayout()
        self.settingsForm.setObjectName(u"settingsForm")
        self.languageComboLabel = QLabel(SettingsDialog)
        self.languageComboLabel.setObjectName(u"languageComboLabel")

        self.settingsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageComboLabel)

        self.languageCombo = QComboBox(SettingsDialog)
        self.languageCombo.setObjectName(u"languageCombo")

        self.settingsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.idleSpinLabel = QLabel(SettingsDialog)
        self.idleSpinLabel.setObjectName(u"idleSpinLabel")

        self.settingsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idleSpinLabel)

        self.idleSpin = QSpinBox(SettingsDialog)
        self.idleSpin.setObjectName(u"idleSpin")
        self.idleSpin.setMinimum(1)
        self.idleSpin.setMaximum(120)
        self.idleSpin.setValue(10)

        self.settingsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idleSpin)


        self.mainLayout.addLayout(self.settingsForm)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.languageComboLabel.setBuddy(self.languageCombo)
        self.idleSpinLabel.setBuddy(self.idleSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.languageCombo, self.idleSpin)
        QWidget.setTabOrder(self.idleSpin, self.buttonBox)

        self.retranslateUi(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.languageComboLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Language:", None))
#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Language", None))
#endif // QT_CONFIG(accessibility)
        self.idleSpinLabel.setText(QCoreApplication.translate("SettingsDialog", u"Loc&k the screen after idle minutes:", None))
#if QT_CONFIG(accessibility)
        self.idleSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Lock the screen after idle minutes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

