# generated from forms/passenger_fields.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_PassengerFields(object):
    def setupUi(self, PassengerFields):
        if not PassengerFields.objectName():
            PassengerFields.setObjectName(u"PassengerFields")
        self.fieldsLayout = QVBoxLayout(PassengerFields)
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setContentsMargins(0, 0, 0, 0)
        self.mrzLabel = QLabel(PassengerFields)
        self.mrzLabel.setObjectName(u"mrzLabel")

        self.fieldsLayout.addWidget(self.mrzLabel)

        self.mrzEdit = QPlainTextEdit(PassengerFields)
        self.mrzEdit.setObjectName(u"mrzEdit")
        self.mrzEdit.setMaximumSize(QSize(16777215, 72))
        self.mrzEdit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.mrzEdit.setTabChangesFocus(True)

        self.fieldsLayout.addWidget(self.mrzEdit)

        self.alertsRow = QHBoxLayout()
        self.alertsRow.setObjectName(u"alertsRow")
        self.alertsLabel = QLabel(PassengerFields)
        self.alertsLabel.setObjectName(u"alertsLabel")
        self.alertsLabel.setText(u"")
        self.alertsLabel.setWordWrap(True)

        self.alertsRow.addWidget(self.alertsLabel)

        self.adultComboLabel = QLabel(PassengerFields)
        self.adultComboLabel.setObjectName(u"adultComboLabel")

        self.alertsRow.addWidget(self.adultComboLabel)

        self.adultCombo = QComboBox(PassengerFields)
        self.adultCombo.setObjectName(u"adultCombo")
        self.adultCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.adultCombo.setMinimumContentsLength(24)

        self.alertsRow.addWidget(self.adultCombo)

        self.alertsRow.setStretch(2, 1)

        self.fieldsLayout.addLayout(self.alertsRow)

        self.checksLabel = QLabel(PassengerFields)
        self.checksLabel.setObjectName(u"checksLabel")
        self.checksLabel.setText(u"")
        self.checksLabel.setWordWrap(True)

        self.fieldsLayout.addWidget(self.checksLabel)

        self.fieldsGrid = QGridLayout()
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.documentForm = QFormLayout()
        self.documentForm.setObjectName(u"documentForm")
        self.documentForm.setVerticalSpacing(3)
        self.docCodeEditLabel = QLabel(PassengerFields)
        self.docCodeEditLabel.setObjectName(u"docCodeEditLabel")

        self.documentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.docCodeEditLabel)

        self.docCodeEdit = QLineEdit(PassengerFields)
        self.docCodeEdit.setObjectName(u"docCodeEdit")
        self.docCodeEdit.setMaxLength(2)

        self.documentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.docCodeEdit)

        self.issuingStateEditLabel = QLabel(PassengerFields)
        self.issuingStateEditLabel.setObjectName(u"issuingStateEditLabel")

        self.documentForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuingStateEditLabel)

        self.issuingStateEdit = QLineEdit(PassengerFields)
        self.issuingStateEdit.setObjectName(u"issuingStateEdit")
        self.issuingStateEdit.setMaxLength(3)

        self.documentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuingStateEdit)

        self.docNumberEditLabel = QLabel(PassengerFields)
        self.docNumberEditLabel.setObjectName(u"docNumberEditLabel")

        self.documentForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.docNumberEditLabel)

        self.docNumberEdit = QLineEdit(PassengerFields)
        self.docNumberEdit.setObjectName(u"docNumberEdit")
        self.docNumberEdit.setMaxLength(24)

        self.documentForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.docNumberEdit)

        self.surnameEditLabel = QLabel(PassengerFields)
        self.surnameEditLabel.setObjectName(u"surnameEditLabel")

        self.documentForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.surnameEditLabel)

        self.surnameEdit = QLineEdit(PassengerFields)
        self.surnameEdit.setObjectName(u"surnameEdit")
        self.surnameEdit.setMaxLength(120)

        self.documentForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.surnameEdit)

        self.givenNamesEditLabel = QLabel(PassengerFields)
        self.givenNamesEditLabel.setObjectName(u"givenNamesEditLabel")

        self.documentForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.givenNamesEditLabel)

        self.givenNamesEdit = QLineEdit(PassengerFields)
        self.givenNamesEdit.setObjectName(u"givenNamesEdit")
        self.givenNamesEdit.setMaxLength(120)

        self.documentForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.givenNamesEdit)

        self.nationalityEditLabel = QLabel(PassengerFields)
        self.nationalityEditLabel.setObjectName(u"nationalityEditLabel")

        self.documentForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.nationalityEditLabel)

        self.nationalityEdit = QLineEdit(PassengerFields)
        self.nationalityEdit.setObjectName(u"nationalityEdit")
        self.nationalityEdit.setMaxLength(3)

        self.documentForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.nationalityEdit)


        self.fieldsGrid.addLayout(self.documentForm, 0, 0, 1, 1)

        self.travellerForm = QFormLayout()
        self.travellerForm.setObjectName(u"travellerForm")
        self.travellerForm.setVerticalSpacing(3)
        self.birthDateEditLabel = QLabel(PassengerFields)
        self.birthDateEditLabel.setObjectName(u"birthDateEditLabel")

        self.travellerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.birthDateEditLabel)

        self.birthDateEdit = QLineEdit(PassengerFields)
        self.birthDateEdit.setObjectName(u"birthDateEdit")
        self.birthDateEdit.setMaxLength(10)

        self.travellerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.birthDateEdit)

        self.sexComboLabel = QLabel(PassengerFields)
        self.sexComboLabel.setObjectName(u"sexComboLabel")

        self.travellerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sexComboLabel)

        self.sexCombo = QComboBox(PassengerFields)
        self.sexCombo.setObjectName(u"sexCombo")

        self.travellerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.expiryDateEditLabel = QLabel(PassengerFields)
        self.expiryDateEditLabel.setObjectName(u"expiryDateEditLabel")

        self.travellerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.expiryDateEditLabel)

        self.expiryDateEdit = QLineEdit(PassengerFields)
        self.expiryDateEdit.setObjectName(u"expiryDateEdit")
        self.expiryDateEdit.setMaxLength(10)

        self.travellerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.expiryDateEdit)

        self.purposeComboLabel = QLabel(PassengerFields)
        self.purposeComboLabel.setObjectName(u"purposeComboLabel")

        self.travellerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.purposeComboLabel)

        self.purposeCombo = QComboBox(PassengerFields)
        self.purposeCombo.setObjectName(u"purposeCombo")

        self.travellerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.purposeCombo)

        self.roleComboLabel = QLabel(PassengerFields)
        self.roleComboLabel.setObjectName(u"roleComboLabel")

        self.travellerForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roleComboLabel)

        self.roleCombo = QComboBox(PassengerFields)
        self.roleCombo.setObjectName(u"roleCombo")

        self.travellerForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.remarksEditLabel = QLabel(PassengerFields)
        self.remarksEditLabel.setObjectName(u"remarksEditLabel")

        self.travellerForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.remarksEditLabel)

        self.remarksEdit = QLineEdit(PassengerFields)
        self.remarksEdit.setObjectName(u"remarksEdit")
        self.remarksEdit.setMaxLength(2000)

        self.travellerForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.remarksEdit)


        self.fieldsGrid.addLayout(self.travellerForm, 0, 1, 1, 1)


        self.fieldsLayout.addLayout(self.fieldsGrid)

        self.fieldsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.fieldsLayout.addItem(self.fieldsSpacer)

#if QT_CONFIG(shortcut)
        self.mrzLabel.setBuddy(self.mrzEdit)
        self.adultComboLabel.setBuddy(self.adultCombo)
        self.docCodeEditLabel.setBuddy(self.docCodeEdit)
        self.issuingStateEditLabel.setBuddy(self.issuingStateEdit)
        self.docNumberEditLabel.setBuddy(self.docNumberEdit)
        self.surnameEditLabel.setBuddy(self.surnameEdit)
        self.givenNamesEditLabel.setBuddy(self.givenNamesEdit)
        self.nationalityEditLabel.setBuddy(self.nationalityEdit)
        self.birthDateEditLabel.setBuddy(self.birthDateEdit)
        self.sexComboLabel.setBuddy(self.sexCombo)
        self.expiryDateEditLabel.setBuddy(self.expiryDateEdit)
        self.purposeComboLabel.setBuddy(self.purposeCombo)
        self.roleComboLabel.setBuddy(self.roleCombo)
        self.remarksEditLabel.setBuddy(self.remarksEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.mrzEdit, self.docCodeEdit)
        QWidget.setTabOrder(self.docCodeEdit, self.issuingStateEdit)
        QWidget.setTabOrder(self.issuingStateEdit, self.docNumberEdit)
        QWidget.setTabOrder(self.docNumberEdit, self.surnameEdit)
        QWidget.setTabOrder(self.surnameEdit, self.givenNamesEdit)
        QWidget.setTabOrder(self.givenNamesEdit, self.nationalityEdit)
        QWidget.setTabOrder(self.nationalityEdit, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.expiryDateEdit)
        QWidget.setTabOrder(self.expiryDateEdit, self.purposeCombo)
        QWidget.setTabOrder(self.purposeCombo, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.adultCombo)
        QWidget.setTabOrder(self.adultCombo, self.remarksEdit)

        self.retranslateUi(PassengerFields)
    # setupUi

    def retranslateUi(self, PassengerFields):
        self.mrzLabel.setText(QCoreApplication.translate("PassengerFields", u"&MRZ (document reader):", None))
#if QT_CONFIG(accessibility)
        self.mrzEdit.setAccessibleName(QCoreApplication.translate("PassengerFields", u"MRZ", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.alertsLabel.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Alerts", None))
#endif // QT_CONFIG(accessibility)
        self.adultComboLabel.setText(QCoreApplication.translate("PassengerFields", u"Acc&ompanying adult:", None))
#if QT_CONFIG(accessibility)
        self.adultCombo.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Accompanying adult", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.checksLabel.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Check digits", None))
#endif // QT_CONFIG(accessibility)
        self.docCodeEditLabel.setText(QCoreApplication.translate("PassengerFields", u"Document &code:", None))
#if QT_CONFIG(accessibility)
        self.docCodeEdit.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Document code", None))
#endif // QT_CONFIG(accessibility)
        self.issuingStateEditLabel.setText(QCoreApplication.translate("PassengerFields", u"&Issuing state:", None))
#if QT_CONFIG(accessibility)
        self.issuingStateEdit.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Issuing state", None))
#endif // QT_CONFIG(accessibility)
        self.docNumberEditLabel.setText(QCoreApplication.translate("PassengerFields", u"Document &number:", None))
#if QT_CONFIG(accessibility)
        self.docNumberEdit.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Document number", None))
#endif // QT_CONFIG(accessibility)
        self.surnameEditLabel.setText(QCoreApplication.translate("PassengerFields", u"S&urname:", None))
#if QT_CONFIG(accessibility)
        self.surnameEdit.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Surname", None))
#endif // QT_CONFIG(accessibility)
        self.givenNamesEditLabel.setText(QCoreApplication.translate("PassengerFields", u"Gi&ven names:", None))
#if QT_CONFIG(accessibility)
        self.givenNamesEdit.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Given names", None))
#endif // QT_CONFIG(accessibility)
        self.nationalityEditLabel.setText(QCoreApplication.translate("PassengerFields", u"N&ationality:", None))
#if QT_CONFIG(accessibility)
        self.nationalityEdit.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Nationality", None))
#endif // QT_CONFIG(accessibility)
        self.birthDateEditLabel.setText(QCoreApplication.translate("PassengerFields", u"Date of &birth:", None))
        self.birthDateEdit.setPlaceholderText(QCoreApplication.translate("PassengerFields", u"YYYY-MM-DD", None))
#if QT_CONFIG(accessibility)
        self.birthDateEdit.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.sexComboLabel.setText(QCoreApplication.translate("PassengerFields", u"S&ex:", None))
#if QT_CONFIG(accessibility)
        self.sexCombo.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Sex", None))
#endif // QT_CONFIG(accessibility)
        self.expiryDateEditLabel.setText(QCoreApplication.translate("PassengerFields", u"Date of e&xpiry:", None))
        self.expiryDateEdit.setPlaceholderText(QCoreApplication.translate("PassengerFields", u"YYYY-MM-DD", None))
#if QT_CONFIG(accessibility)
        self.expiryDateEdit.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Date of expiry", None))
#endif // QT_CONFIG(accessibility)
        self.purposeComboLabel.setText(QCoreApplication.translate("PassengerFields", u"&Purpose:", None))
#if QT_CONFIG(accessibility)
        self.purposeCombo.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Purpose", None))
#endif // QT_CONFIG(accessibility)
        self.roleComboLabel.setText(QCoreApplication.translate("PassengerFields", u"Traveller &role:", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Traveller role", None))
#endif // QT_CONFIG(accessibility)
        self.remarksEditLabel.setText(QCoreApplication.translate("PassengerFields", u"Remar&ks:", None))
#if QT_CONFIG(accessibility)
        self.remarksEdit.setAccessibleName(QCoreApplication.translate("PassengerFields", u"Remarks", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

