# generated from forms/vehicle_fields.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_VehicleFields(object):
    def setupUi(self, VehicleFields):
        if not VehicleFields.objectName():
            VehicleFields.setObjectName(u"VehicleFields")
        self.fieldsGrid = QGridLayout(VehicleFields)
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.fieldsGrid.setContentsMargins(0, 0, 0, 0)
        self.vehicleForm = QFormLayout()
        self.vehicleForm.setObjectName(u"vehicleForm")
        self.plateEditLabel = QLabel(VehicleFields)
        self.plateEditLabel.setObjectName(u"plateEditLabel")

        self.vehicleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.plateEditLabel)

        self.plateEdit = QLineEdit(VehicleFields)
        self.plateEdit.setObjectName(u"plateEdit")
        self.plateEdit.setMaxLength(16)

        self.vehicleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.plateEdit)

        self.countryEditLabel = QLabel(VehicleFields)
        self.countryEditLabel.setObjectName(u"countryEditLabel")

        self.vehicleForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.countryEditLabel)

        self.countryEdit = QLineEdit(VehicleFields)
        self.countryEdit.setObjectName(u"countryEdit")
        self.countryEdit.setMaxLength(3)

        self.vehicleForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.countryEdit)

        self.vehicleKindComboLabel = QLabel(VehicleFields)
        self.vehicleKindComboLabel.setObjectName(u"vehicleKindComboLabel")

        self.vehicleForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.vehicleKindComboLabel)

        self.vehicleKindCombo = QComboBox(VehicleFields)
        self.vehicleKindCombo.setObjectName(u"vehicleKindCombo")

        self.vehicleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.vehicleKindCombo)

        self.cargoComboLabel = QLabel(VehicleFields)
        self.cargoComboLabel.setObjectName(u"cargoComboLabel")

        self.vehicleForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.cargoComboLabel)

        self.cargoCombo = QComboBox(VehicleFields)
        self.cargoCombo.setObjectName(u"cargoCombo")
        self.cargoCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cargoCombo.setMinimumContentsLength(12)

        self.vehicleForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cargoCombo)

        self.greenChannelLabel = QLabel(VehicleFields)
        self.greenChannelLabel.setObjectName(u"greenChannelLabel")
        self.greenChannelLabel.setWordWrap(True)

        self.vehicleForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.greenChannelLabel)

        self.hsCodesEditLabel = QLabel(VehicleFields)
        self.hsCodesEditLabel.setObjectName(u"hsCodesEditLabel")

        self.vehicleForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.hsCodesEditLabel)

        self.hsCodesEdit = QLineEdit(VehicleFields)
        self.hsCodesEdit.setObjectName(u"hsCodesEdit")

        self.vehicleForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.hsCodesEdit)

        self.declarationEditLabel = QLabel(VehicleFields)
        self.declarationEditLabel.setObjectName(u"declarationEditLabel")

        self.vehicleForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.declarationEditLabel)

        self.declarationEdit = QLineEdit(VehicleFields)
        self.declarationEdit.setObjectName(u"declarationEdit")
        self.declarationEdit.setMaxLength(24)

        self.vehicleForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.declarationEdit)

        self.weightSpinLabel = QLabel(VehicleFields)
        self.weightSpinLabel.setObjectName(u"weightSpinLabel")

        self.vehicleForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.weightSpinLabel)

        self.weightSpin = QSpinBox(VehicleFields)
        self.weightSpin.setObjectName(u"weightSpin")
        self.weightSpin.setMaximum(200000)
        self.weightSpin.setSingleStep(100)

        self.vehicleForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.weightSpin)

        self.remarksEditLabel = QLabel(VehicleFields)
        self.remarksEditLabel.setObjectName(u"remarksEditLabel")

        self.vehicleForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.remarksEditLabel)

        self.remarksEdit = QLineEdit(VehicleFields)
        self.remarksEdit.setObjectName(u"remarksEdit")
        self.remarksEdit.setMaxLength(2000)

        self.vehicleForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.remarksEdit)


        self.fieldsGrid.addLayout(self.vehicleForm, 0, 0, 1, 1)

        self.cargoColumn = QVBoxLayout()
        self.cargoColumn.setObjectName(u"cargoColumn")
        self.peopleForm = QFormLayout()
        self.peopleForm.setObjectName(u"peopleForm")
        self.peopleForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.driverMrzEditLabel = QLabel(VehicleFields)
        self.driverMrzEditLabel.setObjectName(u"driverMrzEditLabel")

        self.peopleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.driverMrzEditLabel)

        self.driverMrzEdit = QPlainTextEdit(VehicleFields)
        self.driverMrzEdit.setObjectName(u"driverMrzEdit")
        self.driverMrzEdit.setMaximumSize(QSize(16777215, 80))
        self.driverMrzEdit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.driverMrzEdit.setTabChangesFocus(True)

        self.peopleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.driverMrzEdit)

        self.driverLabel = QLabel(VehicleFields)
        self.driverLabel.setObjectName(u"driverLabel")
        self.driverLabel.setText(u"")
        self.driverLabel.setWordWrap(True)

        self.peopleForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.driverLabel)

        self.crewMrzEditLabel = QLabel(VehicleFields)
        self.crewMrzEditLabel.setObjectName(u"crewMrzEditLabel")

        self.peopleForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.crewMrzEditLabel)

        self.crewMrzEdit = QPlainTextEdit(VehicleFields)
        self.crewMrzEdit.setObjectName(u"crewMrzEdit")
        self.crewMrzEdit.setMaximumSize(QSize(16777215, 80))
        self.crewMrzEdit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.crewMrzEdit.setTabChangesFocus(True)

        self.peopleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.crewMrzEdit)

        self.crewList = QListWidget(VehicleFields)
        self.crewList.setObjectName(u"crewList")
        self.crewList.setFocusPolicy(Qt.ClickFocus)
        self.crewList.setMaximumSize(QSize(16777215, 70))

        self.peopleForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.crewList)


        self.cargoColumn.addLayout(self.peopleForm)

        self.vinForm = QFormLayout()
        self.vinForm.setObjectName(u"vinForm")
        self.vinEditLabel = QLabel(VehicleFields)
        self.vinEditLabel.setObjectName(u"vinEditLabel")

        self.vinForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.vinEditLabel)

        self.vinEdit = QLineEdit(VehicleFields)
        self.vinEdit.setObjectName(u"vinEdit")
        self.vinEdit.setMaxLength(40)

        self.vinForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.vinEdit)


        self.cargoColumn.addLayout(self.vinForm)

        self.vinList = QListWidget(VehicleFields)
        self.vinList.setObjectName(u"vinList")
        self.vinList.setFocusPolicy(Qt.ClickFocus)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.vinList.sizePolicy().hasHeightForWidth())
        self.vinList.setSizePolicy(sizePolicy)
        self.vinList.setMinimumSize(QSize(0, 60))

        self.cargoColumn.addWidget(self.vinList)

        self.vinButtons = QHBoxLayout()
        self.vinButtons.setObjectName(u"vinButtons")
        self.vinCountLabel = QLabel(VehicleFields)
        self.vinCountLabel.setObjectName(u"vinCountLabel")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.vinCountLabel.sizePolicy().hasHeightForWidth())
        self.vinCountLabel.setSizePolicy(sizePolicy1)
        self.vinCountLabel.setText(u"")
        self.vinCountLabel.setWordWrap(True)

        self.vinButtons.addWidget(self.vinCountLabel)

        self.vinSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.vinButtons.addItem(self.vinSpacer)

        self.removeVinButton = QPushButton(VehicleFields)
        self.removeVinButton.setObjectName(u"removeVinButton")

        self.vinButtons.addWidget(self.removeVinButton)


        self.cargoColumn.addLayout(self.vinButtons)

        self.containerForm = QFormLayout()
        self.containerForm.setObjectName(u"containerForm")
        self.containerEditLabel = QLabel(VehicleFields)
        self.containerEditLabel.setObjectName(u"containerEditLabel")

        self.containerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.containerEditLabel)

        self.containerEdit = QLineEdit(VehicleFields)
        self.containerEdit.setObjectName(u"containerEdit")
        self.containerEdit.setMaxLength(20)

        self.containerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.containerEdit)

        self.sealsEditLabel = QLabel(VehicleFields)
        self.sealsEditLabel.setObjectName(u"sealsEditLabel")

        self.containerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sealsEditLabel)

        self.sealsEdit = QLineEdit(VehicleFields)
        self.sealsEdit.setObjectName(u"sealsEdit")

        self.containerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sealsEdit)


        self.cargoColumn.addLayout(self.containerForm)

        self.containerList = QListWidget(VehicleFields)
        self.containerList.setObjectName(u"containerList")
        self.containerList.setFocusPolicy(Qt.ClickFocus)
        sizePolicy.setHeightForWidth(self.containerList.sizePolicy().hasHeightForWidth())
        self.containerList.setSizePolicy(sizePolicy)
        self.containerList.setMinimumSize(QSize(0, 60))

        self.cargoColumn.addWidget(self.containerList)


        self.fieldsGrid.addLayout(self.cargoColumn, 0, 1, 1, 1)

        self.fieldsGrid.setColumnStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.plateEditLabel.setBuddy(self.plateEdit)
        self.countryEditLabel.setBuddy(self.countryEdit)
        self.vehicleKindComboLabel.setBuddy(self.vehicleKindCombo)
        self.cargoComboLabel.setBuddy(self.cargoCombo)
        self.hsCodesEditLabel.setBuddy(self.hsCodesEdit)
        self.declarationEditLabel.setBuddy(self.declarationEdit)
        self.weightSpinLabel.setBuddy(self.weightSpin)
        self.remarksEditLabel.setBuddy(self.remarksEdit)
        self.driverMrzEditLabel.setBuddy(self.driverMrzEdit)
        self.crewMrzEditLabel.setBuddy(self.crewMrzEdit)
        self.vinEditLabel.setBuddy(self.vinEdit)
        self.containerEditLabel.setBuddy(self.containerEdit)
        self.sealsEditLabel.setBuddy(self.sealsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.plateEdit, self.countryEdit)
        QWidget.setTabOrder(self.countryEdit, self.vehicleKindCombo)
        QWidget.setTabOrder(self.vehicleKindCombo, self.cargoCombo)
        QWidget.setTabOrder(self.cargoCombo, self.hsCodesEdit)
        QWidget.setTabOrder(self.hsCodesEdit, self.declarationEdit)
        QWidget.setTabOrder(self.declarationEdit, self.weightSpin)
        QWidget.setTabOrder(self.weightSpin, self.remarksEdit)
        QWidget.setTabOrder(self.remarksEdit, self.driverMrzEdit)
        QWidget.setTabOrder(self.driverMrzEdit, self.crewMrzEdit)
        QWidget.setTabOrder(self.crewMrzEdit, self.crewList)
        QWidget.setTabOrder(self.crewList, self.vinEdit)
        QWidget.setTabOrder(self.vinEdit, self.vinList)
        QWidget.setTabOrder(self.vinList, self.removeVinButton)
        QWidget.setTabOrder(self.removeVinButton, self.containerEdit)
        QWidget.setTabOrder(self.containerEdit, self.sealsEdit)
        QWidget.setTabOrder(self.sealsEdit, self.containerList)

        self.retranslateUi(VehicleFields)
    # setupUi

    def retranslateUi(self, VehicleFields):
        self.plateEditLabel.setText(QCoreApplication.translate("VehicleFields", u"&Plate:", None))
#if QT_CONFIG(accessibility)
        self.plateEdit.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Plate", None))
#endif // QT_CONFIG(accessibility)
        self.countryEditLabel.setText(QCoreApplication.translate("VehicleFields", u"Registration &country:", None))
#if QT_CONFIG(accessibility)
        self.countryEdit.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Registration country", None))
#endif // QT_CONFIG(accessibility)
        self.vehicleKindComboLabel.setText(QCoreApplication.translate("VehicleFields", u"Vehicle &kind:", None))
#if QT_CONFIG(accessibility)
        self.vehicleKindCombo.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Vehicle kind", None))
#endif // QT_CONFIG(accessibility)
        self.cargoComboLabel.setText(QCoreApplication.translate("VehicleFields", u"C&argo:", None))
#if QT_CONFIG(accessibility)
        self.cargoCombo.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Cargo", None))
#endif // QT_CONFIG(accessibility)
        self.greenChannelLabel.setText(QCoreApplication.translate("VehicleFields", u"GREEN CHANNEL \u2014 fresh agricultural goods: clear with priority", None))
#if QT_CONFIG(accessibility)
        self.greenChannelLabel.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Green channel", None))
#endif // QT_CONFIG(accessibility)
        self.hsCodesEditLabel.setText(QCoreApplication.translate("VehicleFields", u"HS co&des:", None))
        self.hsCodesEdit.setPlaceholderText(QCoreApplication.translate("VehicleFields", u"e.g. 0806100000, 0808100000", None))
#if QT_CONFIG(accessibility)
        self.hsCodesEdit.setAccessibleName(QCoreApplication.translate("VehicleFields", u"HS codes", None))
#endif // QT_CONFIG(accessibility)
        self.declarationEditLabel.setText(QCoreApplication.translate("VehicleFields", u"Declaration &number:", None))
#if QT_CONFIG(accessibility)
        self.declarationEdit.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Declaration number", None))
#endif // QT_CONFIG(accessibility)
        self.weightSpinLabel.setText(QCoreApplication.translate("VehicleFields", u"Gross &weight (kg):", None))
        self.weightSpin.setSpecialValueText(QCoreApplication.translate("VehicleFields", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.weightSpin.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Gross weight (kg)", None))
#endif // QT_CONFIG(accessibility)
        self.remarksEditLabel.setText(QCoreApplication.translate("VehicleFields", u"&Remarks:", None))
#if QT_CONFIG(accessibility)
        self.remarksEdit.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Remarks", None))
#endif // QT_CONFIG(accessibility)
        self.driverMrzEditLabel.setText(QCoreApplication.translate("VehicleFields", u"Dri&ver MRZ:", None))
#if QT_CONFIG(accessibility)
        self.driverMrzEdit.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Driver MRZ", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.driverLabel.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Driver", None))
#endif // QT_CONFIG(accessibility)
        self.crewMrzEditLabel.setText(QCoreApplication.translate("VehicleFields", u"Crew &MRZ:", None))
#if QT_CONFIG(accessibility)
        self.crewMrzEdit.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Crew MRZ", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.crewList.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Crew", None))
#endif // QT_CONFIG(accessibility)
        self.vinEditLabel.setText(QCoreApplication.translate("VehicleFields", u"V&IN:", None))
        self.vinEdit.setPlaceholderText(QCoreApplication.translate("VehicleFields", u"scan or type; Enter adds", None))
#if QT_CONFIG(accessibility)
        self.vinEdit.setAccessibleName(QCoreApplication.translate("VehicleFields", u"VIN", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.vinList.setAccessibleName(QCoreApplication.translate("VehicleFields", u"VINs", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.vinCountLabel.setAccessibleName(QCoreApplication.translate("VehicleFields", u"VIN count", None))
#endif // QT_CONFIG(accessibility)
        self.removeVinButton.setText(QCoreApplication.translate("VehicleFields", u"Remove se&lected", None))
#if QT_CONFIG(accessibility)
        self.removeVinButton.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Remove selected", None))
#endif // QT_CONFIG(accessibility)
        self.containerEditLabel.setText(QCoreApplication.translate("VehicleFields", u"C&ontainer:", None))
        self.containerEdit.setPlaceholderText(QCoreApplication.translate("VehicleFields", u"e.g. CSQU3054383", None))
#if QT_CONFIG(accessibility)
        self.containerEdit.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Container", None))
#endif // QT_CONFIG(accessibility)
        self.sealsEditLabel.setText(QCoreApplication.translate("VehicleFields", u"S&eals:", None))
        self.sealsEdit.setPlaceholderText(QCoreApplication.translate("VehicleFields", u"comma-separated, then Enter", None))
#if QT_CONFIG(accessibility)
        self.sealsEdit.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Seals", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.containerList.setAccessibleName(QCoreApplication.translate("VehicleFields", u"Containers", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

