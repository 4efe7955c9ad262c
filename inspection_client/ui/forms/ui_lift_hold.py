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
    QDialogButtonBox, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_LiftHoldDialog(object):
    def setupUi(self, LiftHoldDialog):
        if not LiftHoldDialog.objectName():
            LiftHoldDialog.setObjectName(u"LiftHoldDialog")
        LiftHoldDialog.setMinimumSize(QSize(560, 320))
        self.mainLayout = QVBoxLayout(LiftHoldDialog)
        self.mainLayout.setObjectName(u"mainLayout")
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

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(LiftHoldDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reasonEdit, self.confirmCheck)
        QWidget.setTabOrder(self.confirmCheck, self.buttonBox)

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
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("LiftHoldDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

