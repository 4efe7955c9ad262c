# generated from forms/open_shift.ui — do not edit
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

class Ui_OpenShiftDialog(object):
    def setupUi(self, OpenShiftDialog):
        if not OpenShiftDialog.objectName():
            OpenShiftDialog.setObjectName(u"OpenShiftDialog")
        OpenShiftDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(OpenShiftDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.infoLabel = QLabel(OpenShiftDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setText(u"")
        self.infoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.infoLabel)

        self.shiftForm = QFormLayout()
        self.shiftForm.setObjectName(u"shiftForm")
        self.laneValueLabelLabel = QLabel(OpenShiftDialog)
        self.laneValueLabelLabel.setObjectName(u"laneValueLabelLabel")

        self.shiftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.laneValueLabelLabel)

        self.laneValueLabel = QLabel(OpenShiftDialog)
        self.laneValueLabel.setObjectName(u"laneValueLabel")
        self.laneValueLabel.setText(u"")

        self.shiftForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.laneValueLabel)

        self.directionComboLabel = QLabel(OpenShiftDialog)
        self.directionComboLabel.setObjectName(u"directionComboLabel")

        self.shiftForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.directionComboLabel)

        self.directionCombo = QComboBox(OpenShiftDialog)
        self.directionCombo.setObjectName(u"directionCombo")

        self.shiftForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.directionCombo)


        self.mainLayout.addLayout(self.shiftForm)

        self.buttonBox = QDialogButtonBox(OpenShiftDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.laneValueLabelLabel.setBuddy(self.laneValueLabel)
        self.directionComboLabel.setBuddy(self.directionCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.directionCombo, self.buttonBox)

        self.retranslateUi(OpenShiftDialog)
    # setupUi

    def retranslateUi(self, OpenShiftDialog):
        OpenShiftDialog.setWindowTitle(QCoreApplication.translate("OpenShiftDialog", u"Open shift", None))
        self.laneValueLabelLabel.setText(QCoreApplication.translate("OpenShiftDialog", u"Lane:", None))
#if QT_CONFIG(accessibility)
        self.laneValueLabel.setAccessibleName(QCoreApplication.translate("OpenShiftDialog", u"Lane", None))
#endif // QT_CONFIG(accessibility)
        self.directionComboLabel.setText(QCoreApplication.translate("OpenShiftDialog", u"&Direction:", None))
#if QT_CONFIG(accessibility)
        self.directionCombo.setAccessibleName(QCoreApplication.translate("OpenShiftDialog", u"Direction", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("OpenShiftDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

