# generated from forms/record.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTextBrowser, QVBoxLayout, QWidget)

class Ui_RecordDialog(object):
    def setupUi(self, RecordDialog):
        if not RecordDialog.objectName():
            RecordDialog.setObjectName(u"RecordDialog")
        RecordDialog.setMinimumSize(QSize(640, 480))
        self.mainLayout = QVBoxLayout(RecordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(RecordDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.revisionsText = QTextBrowser(RecordDialog)
        self.revisionsText.setObjectName(u"revisionsText")

        self.mainLayout.addWidget(self.revisionsText)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.amendButton = QPushButton(RecordDialog)
        self.amendButton.setObjectName(u"amendButton")

        self.buttonLayout.addWidget(self.amendButton)

        self.voidButton = QPushButton(RecordDialog)
        self.voidButton.setObjectName(u"voidButton")

        self.buttonLayout.addWidget(self.voidButton)

        self.slipButton = QPushButton(RecordDialog)
        self.slipButton.setObjectName(u"slipButton")

        self.buttonLayout.addWidget(self.slipButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(RecordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonLayout)

        QWidget.setTabOrder(self.revisionsText, self.amendButton)
        QWidget.setTabOrder(self.amendButton, self.voidButton)
        QWidget.setTabOrder(self.voidButton, self.slipButton)
        QWidget.setTabOrder(self.slipButton, self.buttonBox)

        self.retranslateUi(RecordDialog)
    # setupUi

    def retranslateUi(self, RecordDialog):
        RecordDialog.setWindowTitle(QCoreApplication.translate("RecordDialog", u"Record", None))
#if QT_CONFIG(accessibility)
        self.revisionsText.setAccessibleName(QCoreApplication.translate("RecordDialog", u"Record history", None))
#endif // QT_CONFIG(accessibility)
        self.amendButton.setText(QCoreApplication.translate("RecordDialog", u"&Amend\u2026", None))
#if QT_CONFIG(accessibility)
        self.amendButton.setAccessibleName(QCoreApplication.translate("RecordDialog", u"Amend\u2026", None))
#endif // QT_CONFIG(accessibility)
        self.voidButton.setText(QCoreApplication.translate("RecordDialog", u"&Void\u2026", None))
#if QT_CONFIG(accessibility)
        self.voidButton.setAccessibleName(QCoreApplication.translate("RecordDialog", u"Void\u2026", None))
#endif // QT_CONFIG(accessibility)
        self.slipButton.setText(QCoreApplication.translate("RecordDialog", u"Release &slip\u2026", None))
#if QT_CONFIG(accessibility)
        self.slipButton.setAccessibleName(QCoreApplication.translate("RecordDialog", u"Release slip\u2026", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("RecordDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

