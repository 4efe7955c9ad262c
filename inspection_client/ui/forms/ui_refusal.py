# generated from forms/refusal.ui — do not edit
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
    QVBoxLayout, QWidget)

class Ui_RefusalDialog(object):
    def setupUi(self, RefusalDialog):
        if not RefusalDialog.objectName():
            RefusalDialog.setObjectName(u"RefusalDialog")
        RefusalDialog.setMinimumSize(QSize(460, 0))
        self.mainLayout = QVBoxLayout(RefusalDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.infoLabel = QLabel(RefusalDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.infoLabel)

        self.refusalForm = QFormLayout()
        self.refusalForm.setObjectName(u"refusalForm")
        self.groundComboLabel = QLabel(RefusalDialog)
        self.groundComboLabel.setObjectName(u"groundComboLabel")

        self.refusalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.groundComboLabel)

        self.groundCombo = QComboBox(RefusalDialog)
        self.groundCombo.setObjectName(u"groundCombo")

        self.refusalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.groundCombo)


        self.mainLayout.addLayout(self.refusalForm)

        self.buttonBox = QDialogButtonBox(RefusalDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.groundComboLabel.setBuddy(self.groundCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.groundCombo, self.buttonBox)

        self.retranslateUi(RefusalDialog)
    # setupUi

    def retranslateUi(self, RefusalDialog):
        RefusalDialog.setWindowTitle(QCoreApplication.translate("RefusalDialog", u"Refuse", None))
        self.infoLabel.setText(QCoreApplication.translate("RefusalDialog", u"A refusal needs a coded ground.", None))
        self.groundComboLabel.setText(QCoreApplication.translate("RefusalDialog", u"&Ground of refusal:", None))
#if QT_CONFIG(accessibility)
        self.groundCombo.setAccessibleName(QCoreApplication.translate("RefusalDialog", u"Ground of refusal", None))
#endif // QT_CONFIG(accessibility)
        self.groundCombo.setPlaceholderText(QCoreApplication.translate("RefusalDialog", u"Choose the ground\u2026", None))
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("RefusalDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

