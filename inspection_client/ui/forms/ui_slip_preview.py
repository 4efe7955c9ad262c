# generated from forms/slip_preview.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SlipPreviewDialog(object):
    def setupUi(self, SlipPreviewDialog):
        if not SlipPreviewDialog.objectName():
            SlipPreviewDialog.setObjectName(u"SlipPreviewDialog")
        SlipPreviewDialog.setMinimumSize(QSize(720, 560))
        self.mainLayout = QHBoxLayout(SlipPreviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.imageArea = QScrollArea(SlipPreviewDialog)
        self.imageArea.setObjectName(u"imageArea")
        self.imageArea.setWidgetResizable(True)
        self.imageArea.setMinimumSize(QSize(620, 0))
        self.imageHolder = QWidget()
        self.imageHolder.setObjectName(u"imageHolder")
        self.imageLayout = QVBoxLayout(self.imageHolder)
        self.imageLayout.setObjectName(u"imageLayout")
        self.imageLabel = QLabel(self.imageHolder)
        self.imageLabel.setObjectName(u"imageLabel")
        self.imageLabel.setText(u"")
        self.imageLabel.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)

        self.imageLayout.addWidget(self.imageLabel)

        self.imageArea.setWidget(self.imageHolder)

        self.mainLayout.addWidget(self.imageArea)

        self.sideLayout = QVBoxLayout()
        self.sideLayout.setObjectName(u"sideLayout")
        self.summaryLabel = QLabel(SlipPreviewDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sideLayout.addWidget(self.summaryLabel)

        self.sizeLabel = QLabel(SlipPreviewDialog)
        self.sizeLabel.setObjectName(u"sizeLabel")

        self.sideLayout.addWidget(self.sizeLabel)

        self.sizeCombo = QComboBox(SlipPreviewDialog)
        self.sizeCombo.setObjectName(u"sizeCombo")

        self.sideLayout.addWidget(self.sizeCombo)

        self.printButton = QPushButton(SlipPreviewDialog)
        self.printButton.setObjectName(u"printButton")

        self.sideLayout.addWidget(self.printButton)

        self.savePdfButton = QPushButton(SlipPreviewDialog)
        self.savePdfButton.setObjectName(u"savePdfButton")

        self.sideLayout.addWidget(self.savePdfButton)

        self.savePngButton = QPushButton(SlipPreviewDialog)
        self.savePngButton.setObjectName(u"savePngButton")

        self.sideLayout.addWidget(self.savePngButton)

        self.statusLabel = QLabel(SlipPreviewDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setText(u"")
        self.statusLabel.setWordWrap(True)

        self.sideLayout.addWidget(self.statusLabel)

        self.sideSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sideLayout.addItem(self.sideSpacer)

        self.buttonBox = QDialogButtonBox(SlipPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.sideLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.sideLayout)

#if QT_CONFIG(shortcut)
        self.sizeLabel.setBuddy(self.sizeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sizeCombo, self.printButton)
        QWidget.setTabOrder(self.printButton, self.savePdfButton)
        QWidget.setTabOrder(self.savePdfButton, self.savePngButton)
        QWidget.setTabOrder(self.savePngButton, self.buttonBox)
        QWidget.setTabOrder(self.buttonBox, self.imageArea)

        self.retranslateUi(SlipPreviewDialog)
    # setupUi

    def retranslateUi(self, SlipPreviewDialog):
        SlipPreviewDialog.setWindowTitle(QCoreApplication.translate("SlipPreviewDialog", u"Release slip", None))
#if QT_CONFIG(accessibility)
        self.imageArea.setAccessibleName(QCoreApplication.translate("SlipPreviewDialog", u"Slip preview", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.imageLabel.setAccessibleName(QCoreApplication.translate("SlipPreviewDialog", u"Slip image", None))
#endif // QT_CONFIG(accessibility)
        self.sizeLabel.setText(QCoreApplication.translate("SlipPreviewDialog", u"Paper si&ze:", None))
#if QT_CONFIG(accessibility)
        self.sizeCombo.setAccessibleName(QCoreApplication.translate("SlipPreviewDialog", u"Paper size", None))
#endif // QT_CONFIG(accessibility)
        self.printButton.setText(QCoreApplication.translate("SlipPreviewDialog", u"&Print\u2026", None))
#if QT_CONFIG(accessibility)
        self.printButton.setAccessibleName(QCoreApplication.translate("SlipPreviewDialog", u"Print the slip", None))
#endif // QT_CONFIG(accessibility)
        self.savePdfButton.setText(QCoreApplication.translate("SlipPreviewDialog", u"Save as P&DF\u2026", None))
#if QT_CONFIG(accessibility)
        self.savePdfButton.setAccessibleName(QCoreApplication.translate("SlipPreviewDialog", u"Save the slip as PDF", None))
#endif // QT_CONFIG(accessibility)
        self.savePngButton.setText(QCoreApplication.translate("SlipPreviewDialog", u"Save as P&NG\u2026", None))
#if QT_CONFIG(accessibility)
        self.savePngButton.setAccessibleName(QCoreApplication.translate("SlipPreviewDialog", u"Save the slip as PNG image", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("SlipPreviewDialog", u"Slip status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("SlipPreviewDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

