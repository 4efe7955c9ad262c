# generated from forms/lane.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_LaneScreen(object):
    def setupUi(self, LaneScreen):
        if not LaneScreen.objectName():
            LaneScreen.setObjectName(u"LaneScreen")
        self.laneLayout = QVBoxLayout(LaneScreen)
        self.laneLayout.setObjectName(u"laneLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.directionLabel = QLabel(LaneScreen)
        self.directionLabel.setObjectName(u"directionLabel")
        self.directionLabel.setText(u"ENTRY")

        self.headerLayout.addWidget(self.directionLabel)

        self.laneTitleLabel = QLabel(LaneScreen)
        self.laneTitleLabel.setObjectName(u"laneTitleLabel")
        self.laneTitleLabel.setText(u"")

        self.headerLayout.addWidget(self.laneTitleLabel)

        self.watchlistNote = QLabel(LaneScreen)
        self.watchlistNote.setObjectName(u"watchlistNote")
        self.watchlistNote.setText(u"")
        self.watchlistNote.setWordWrap(True)
        self.watchlistNote.setVisible(False)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.watchlistNote.sizePolicy().hasHeightForWidth())
        self.watchlistNote.setSizePolicy(sizePolicy)
        self.watchlistNote.setStyleSheet(u"QLabel[state=\"warning\"] { color: #5c3b00; background: #fff3bf; border: 2px solid #f08c00; padding: 4px; font-weight: bold; }\n"
"QLabel[state=\"ok\"] { color: #0b5d1e; background: #e6f6ea; border: 1px solid #2b8a3e; padding: 4px; font-weight: bold; }")

        self.headerLayout.addWidget(self.watchlistNote, 0, Qt.AlignmentFlag.AlignVCenter)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.keysLabel = QLabel(LaneScreen)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setWordWrap(True)

        self.headerLayout.addWidget(self.keysLabel)


        self.laneLayout.addLayout(self.headerLayout)

        self.watchlistBand = QLabel(LaneScreen)
        self.watchlistBand.setObjectName(u"watchlistBand")
        self.watchlistBand.setText(u"")
        self.watchlistBand.setWordWrap(True)
        self.watchlistBand.setVisible(False)
        self.watchlistBand.setStyleSheet(u"QLabel[state=\"hit\"] { color: #ffffff; background: #c92a2a; border: 3px solid #7a0000; padding: 10px; font-size: 16pt; font-weight: bold; }\n"
"QLabel[state=\"warning\"] { color: #5c3b00; background: #fff3bf; border: 2px solid #f08c00; padding: 6px; font-weight: bold; }\n"
"QLabel[state=\"ok\"] { color: #0b5d1e; background: #e6f6ea; border: 1px solid #2b8a3e; padding: 4px; }")

        self.laneLayout.addWidget(self.watchlistBand)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.formColumn = QVBoxLayout()
        self.formColumn.setObjectName(u"formColumn")
        self.fieldsScroll = QScrollArea(LaneScreen)
        self.fieldsScroll.setObjectName(u"fieldsScroll")
        self.fieldsScroll.setWidgetResizable(True)
        self.fieldsHost = QWidget()
        self.fieldsHost.setObjectName(u"fieldsHost")
        self.fieldsHostLayout = QVBoxLayout(self.fieldsHost)
        self.fieldsHostLayout.setObjectName(u"fieldsHostLayout")
        self.fieldsHostLayout.setContentsMargins(0, 0, 0, 0)
        self.fieldsScroll.setWidget(self.fieldsHost)

        self.formColumn.addWidget(self.fieldsScroll)

        self.formMessageLabel = QLabel(LaneScreen)
        self.formMessageLabel.setObjectName(u"formMessageLabel")
        self.formMessageLabel.setText(u"")
        self.formMessageLabel.setWordWrap(True)

        self.formColumn.addWidget(self.formMessageLabel)

        self.decisionLayout = QHBoxLayout()
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.clearButton = QPushButton(LaneScreen)
        self.clearButton.setObjectName(u"clearButton")

        self.decisionLayout.addWidget(self.clearButton)

        self.referButton = QPushButton(LaneScreen)
        self.referButton.setObjectName(u"referButton")

        self.decisionLayout.addWidget(self.referButton)

        self.refuseButton = QPushButton(LaneScreen)
        self.refuseButton.setObjectName(u"refuseButton")

        self.decisionLayout.addWidget(self.refuseButton)


        self.formColumn.addLayout(self.decisionLayout)


        self.bodyLayout.addLayout(self.formColumn)

        self.todayFrame = QFrame(LaneScreen)
        self.todayFrame.setObjectName(u"todayFrame")
        self.todayFrame.setMaximumSize(QSize(380, 16777215))
        self.todayLayout = QVBoxLayout(self.todayFrame)
        self.todayLayout.setObjectName(u"todayLayout")
        self.todayLayout.setContentsMargins(0, 0, 0, 0)
        self.todayLabel = QLabel(self.todayFrame)
        self.todayLabel.setObjectName(u"todayLabel")

        self.todayLayout.addWidget(self.todayLabel)

        self.todayList = QListWidget(self.todayFrame)
        self.todayList.setObjectName(u"todayList")
        self.todayList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.todayLayout.addWidget(self.todayList)


        self.bodyLayout.addWidget(self.todayFrame)


        self.laneLayout.addLayout(self.bodyLayout)

        QWidget.setTabOrder(self.clearButton, self.referButton)
        QWidget.setTabOrder(self.referButton, self.refuseButton)
        QWidget.setTabOrder(self.refuseButton, self.todayList)

        self.retranslateUi(LaneScreen)
    # setupUi

    def retranslateUi(self, LaneScreen):
#if QT_CONFIG(accessibility)
        self.directionLabel.setAccessibleName(QCoreApplication.translate("LaneScreen", u"Direction", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.laneTitleLabel.setAccessibleName(QCoreApplication.translate("LaneScreen", u"Lane", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.watchlistNote.setAccessibleName(QCoreApplication.translate("LaneScreen", u"Watchlist", None))
#endif // QT_CONFIG(accessibility)
        self.keysLabel.setText(QCoreApplication.translate("LaneScreen", u"F6 entry/exit \u00b7 Ctrl+Return clear \u00b7 F8 refer \u00b7 F9 refuse", None))
#if QT_CONFIG(accessibility)
        self.keysLabel.setAccessibleName(QCoreApplication.translate("LaneScreen", u"Keys", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.watchlistBand.setAccessibleName(QCoreApplication.translate("LaneScreen", u"Watchlist", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.formMessageLabel.setAccessibleName(QCoreApplication.translate("LaneScreen", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.clearButton.setText(QCoreApplication.translate("LaneScreen", u"Clear\n"
"Ctrl+Return", None))
#if QT_CONFIG(accessibility)
        self.clearButton.setAccessibleName(QCoreApplication.translate("LaneScreen", u"Clear", None))
#endif // QT_CONFIG(accessibility)
        self.referButton.setText(QCoreApplication.translate("LaneScreen", u"Refer to secondary\n"
"F8", None))
#if QT_CONFIG(accessibility)
        self.referButton.setAccessibleName(QCoreApplication.translate("LaneScreen", u"Refer to secondary", None))
#endif // QT_CONFIG(accessibility)
        self.refuseButton.setText(QCoreApplication.translate("LaneScreen", u"Refuse\n"
"F9", None))
#if QT_CONFIG(accessibility)
        self.refuseButton.setAccessibleName(QCoreApplication.translate("LaneScreen", u"Refuse", None))
#endif // QT_CONFIG(accessibility)
        self.todayLabel.setText(QCoreApplication.translate("LaneScreen", u"Today at this lane", None))
#if QT_CONFIG(accessibility)
        self.todayList.setAccessibleName(QCoreApplication.translate("LaneScreen", u"Today at this lane", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

