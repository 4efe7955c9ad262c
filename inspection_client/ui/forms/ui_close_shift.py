# generated from forms/close_shift.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QLabel, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_CloseShiftDialog(object):
    def setupUi(self, CloseShiftDialog):
        if not CloseShiftDialog.objectName():
            CloseShiftDialog.setObjectName(u"CloseShiftDialog")
        CloseShiftDialog.setMinimumSize(QSize(520, 380))
        self.mainLayout = QVBoxLayout(CloseShiftDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.countsLabel = QLabel(CloseShiftDialog)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setText(u"")
        self.countsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.countsLabel)

        self.pendingLabel = QLabel(CloseShiftDialog)
        self.pendingLabel.setObjectName(u"pendingLabel")
        self.pendingLabel.setText(u"")
        self.pendingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.pendingLabel)

        self.occurrencesLabel = QLabel(CloseShiftDialog)
        self.occurrencesLabel.setObjectName(u"occurrencesLabel")

        self.mainLayout.addWidget(self.occurrencesLabel)

        self.occurrencesEdit = QPlainTextEdit(CloseShiftDialog)
        self.occurrencesEdit.setObjectName(u"occurrencesEdit")
        self.occurrencesEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.occurrencesEdit)

        self.confirmCheck = QCheckBox(CloseShiftDialog)
        self.confirmCheck.setObjectName(u"confirmCheck")

        self.mainLayout.addWidget(self.confirmCheck)

        self.buttonBox = QDialogButtonBox(CloseShiftDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.occurrencesLabel.setBuddy(self.occurrencesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.occurrencesEdit, self.confirmCheck)
        QWidget.setTabOrder(self.confirmCheck, self.buttonBox)

        self.retranslateUi(CloseShiftDialog)
    # setupUi

    def retranslateUi(self, CloseShiftDialog):
        CloseShiftDialog.setWindowTitle(QCoreApplication.translate("CloseShiftDialog", u"Close shift", None))
        self.occurrencesLabel.setText(QCoreApplication.translate("CloseShiftDialog", u"Particular &occurrences during the shift:", None))
#if QT_CONFIG(accessibility)
        self.occurrencesEdit.setAccessibleName(QCoreApplication.translate("CloseShiftDialog", u"Particular occurrences", None))
#endif // QT_CONFIG(accessibility)
        self.confirmCheck.setText(QCoreApplication.translate("CloseShiftDialog", u"I confirm that my shift at this lane is over", None))
#if QT_CONFIG(accessibility)
        self.confirmCheck.setAccessibleName(QCoreApplication.translate("CloseShiftDialog", u"I confirm that my shift at this lane is over", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("CloseShiftDialog", u"Dialog buttons", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

