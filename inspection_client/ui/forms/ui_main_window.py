# generated from forms/main_window.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QMenu,
    QMenuBar, QSizePolicy, QStackedWidget, QStatusBar,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        self.actionCloseShift = QAction(MainWindow)
        self.actionCloseShift.setObjectName(u"actionCloseShift")
        self.actionLock = QAction(MainWindow)
        self.actionLock.setObjectName(u"actionLock")
#if QT_CONFIG(shortcut)
        self.actionLock.setShortcut(u"Ctrl+L")
#endif // QT_CONFIG(shortcut)
        self.actionSignOut = QAction(MainWindow)
        self.actionSignOut.setObjectName(u"actionSignOut")
        self.actionLiftHold = QAction(MainWindow)
        self.actionLiftHold.setObjectName(u"actionLiftHold")
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
        self.actionSyncNow = QAction(MainWindow)
        self.actionSyncNow.setObjectName(u"actionSyncNow")
        self.actionBackUp = QAction(MainWindow)
        self.actionBackUp.setObjectName(u"actionBackUp")
        self.actionBackUpAtShiftClose = QAction(MainWindow)
        self.actionBackUpAtShiftClose.setObjectName(u"actionBackUpAtShiftClose")
        self.actionBackUpAtShiftClose.setCheckable(True)
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.actionPassengerLane = QAction(MainWindow)
        self.actionPassengerLane.setObjectName(u"actionPassengerLane")
#if QT_CONFIG(shortcut)
        self.actionPassengerLane.setShortcut(u"Ctrl+1")
#endif // QT_CONFIG(shortcut)
        self.actionVehicleLane = QAction(MainWindow)
        self.actionVehicleLane.setObjectName(u"actionVehicleLane")
#if QT_CONFIG(shortcut)
        self.actionVehicleLane.setShortcut(u"Ctrl+2")
#endif // QT_CONFIG(shortcut)
        self.actionHistory = QAction(MainWindow)
        self.actionHistory.setObjectName(u"actionHistory")
#if QT_CONFIG(shortcut)
        self.actionHistory.setShortcut(u"Ctrl+3")
#endif // QT_CONFIG(shortcut)
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.bannerLabel = QLabel(self.centralwidget)
        self.bannerLabel.setObjectName(u"bannerLabel")
        self.bannerLabel.setText(u"")
        self.bannerLabel.setWordWrap(True)

        self.centralLayout.addWidget(self.bannerLabel)

        self.pages = QStackedWidget(self.centralwidget)
        self.pages.setObjectName(u"pages")
        self.workPage = QWidget()
        self.workPage.setObjectName(u"workPage")
        self.workLayout = QVBoxLayout(self.workPage)
        self.workLayout.setObjectName(u"workLayout")
        self.screens = QTabWidget(self.workPage)
        self.screens.setObjectName(u"screens")

        self.workLayout.addWidget(self.screens)

        self.pages.addWidget(self.workPage)

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuShift = QMenu(self.menubar)
        self.menuShift.setObjectName(u"menuShift")
        self.menuGo = QMenu(self.menubar)
        self.menuGo.setObjectName(u"menuGo")
        self.menuTools = QMenu(self.menubar)
        self.menuTools.setObjectName(u"menuTools")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuShift.menuAction())
        self.menubar.addAction(self.menuGo.menuAction())
        self.menubar.addAction(self.menuTools.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuShift.addAction(self.actionCloseShift)
        self.menuShift.addAction(self.actionLock)
        self.menuShift.addAction(self.actionSignOut)
        self.menuGo.addAction(self.actionPassengerLane)
        self.menuGo.addAction(self.actionVehicleLane)
        self.menuGo.addAction(self.actionHistory)
        self.menuTools.addAction(self.actionSyncNow)
        self.menuTools.addAction(self.actionBackUp)
        self.menuTools.addAction(self.actionBackUpAtShiftClose)
        self.menuTools.addAction(self.actionLiftHold)
        self.menuTools.addAction(self.actionSettings)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Lane client", None))
        self.actionCloseShift.setText(QCoreApplication.translate("MainWindow", u"&Close shift\u2026", None))
        self.actionLock.setText(QCoreApplication.translate("MainWindow", u"&Lock screen", None))
        self.actionSignOut.setText(QCoreApplication.translate("MainWindow", u"Sign &out", None))
        self.actionLiftHold.setText(QCoreApplication.translate("MainWindow", u"&Lift the restore hold\u2026", None))
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"&Settings\u2026", None))
        self.actionSyncNow.setText(QCoreApplication.translate("MainWindow", u"S&ync now", None))
        self.actionBackUp.setText(QCoreApplication.translate("MainWindow", u"&Back up the database\u2026", None))
        self.actionBackUpAtShiftClose.setText(QCoreApplication.translate("MainWindow", u"Back up at every shift &close", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About", None))
        self.actionPassengerLane.setText(QCoreApplication.translate("MainWindow", u"&Passenger lane", None))
        self.actionVehicleLane.setText(QCoreApplication.translate("MainWindow", u"&Vehicle lane", None))
        self.actionHistory.setText(QCoreApplication.translate("MainWindow", u"&History", None))
#if QT_CONFIG(accessibility)
        self.bannerLabel.setAccessibleName(QCoreApplication.translate("MainWindow", u"Warnings", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.screens.setAccessibleName(QCoreApplication.translate("MainWindow", u"Screens", None))
#endif // QT_CONFIG(accessibility)
        self.menuShift.setTitle(QCoreApplication.translate("MainWindow", u"&Shift", None))
        self.menuGo.setTitle(QCoreApplication.translate("MainWindow", u"&Go", None))
        self.menuTools.setTitle(QCoreApplication.translate("MainWindow", u"&Tools", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

