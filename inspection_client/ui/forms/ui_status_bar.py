# generated from forms/status_bar.ui — do not edit
# Regenerate with: python -m inspection_client.ui.build_forms

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QWidget)

class Ui_StatusSegments(object):
    def setupUi(self, StatusSegments):
        if not StatusSegments.objectName():
            StatusSegments.setObjectName(u"StatusSegments")
        self.segmentsLayout = QHBoxLayout(StatusSegments)
        self.segmentsLayout.setObjectName(u"segmentsLayout")
        self.segmentsLayout.setContentsMargins(0, 0, 0, 0)
        self.officerLabel = QLabel(StatusSegments)
        self.officerLabel.setObjectName(u"officerLabel")
        self.officerLabel.setText(u"")

        self.segmentsLayout.addWidget(self.officerLabel)

        self.laneLabel = QLabel(StatusSegments)
        self.laneLabel.setObjectName(u"laneLabel")
        self.laneLabel.setText(u"")

        self.segmentsLayout.addWidget(self.laneLabel)

        self.statusDirectionLabel = QLabel(StatusSegments)
        self.statusDirectionLabel.setObjectName(u"statusDirectionLabel")
        self.statusDirectionLabel.setText(u"")

        self.segmentsLayout.addWidget(self.statusDirectionLabel)

        self.shiftLabel = QLabel(StatusSegments)
        self.shiftLabel.setObjectName(u"shiftLabel")
        self.shiftLabel.setText(u"")

        self.segmentsLayout.addWidget(self.shiftLabel)

        self.countsLabel = QLabel(StatusSegments)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setText(u"")

        self.segmentsLayout.addWidget(self.countsLabel)

        self.syncLabel = QLabel(StatusSegments)
        self.syncLabel.setObjectName(u"syncLabel")
        self.syncLabel.setText(u"")

        self.segmentsLayout.addWidget(self.syncLabel)

        self.syncNowButton = QPushButton(StatusSegments)
        self.syncNowButton.setObjectName(u"syncNowButton")
        self.syncNowButton.setFlat(True)

        self.segmentsLayout.addWidget(self.syncNowButton)

        self.watchlistLabel = QLabel(StatusSegments)
        self.watchlistLabel.setObjectName(u"watchlistLabel")
        self.watchlistLabel.setText(u"")
        self.watchlistLabel.setStyleSheet(u"QLabel[state=\"stale\"] { color: #ffffff; background: #c92a2a; padding: 2px 6px; font-weight: bold; }\n"
"QLabel[state=\"warning\"] { color: #5c3b00; background: #fff3bf; padding: 2px 6px; font-weight: bold; }")

        self.segmentsLayout.addWidget(self.watchlistLabel)

        self.alertsButton = QPushButton(StatusSegments)
        self.alertsButton.setObjectName(u"alertsButton")
        self.alertsButton.setText(u"")
        self.alertsButton.setFlat(True)
        self.alertsButton.setStyleSheet(u"QPushButton { color: #ffffff; background: #c92a2a; padding: 2px 8px; font-weight: bold; border-radius: 3px; }")

        self.segmentsLayout.addWidget(self.alertsButton)

        self.segmentsEnd = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.segmentsLayout.addItem(self.segmentsEnd)

        QWidget.setTabOrder(self.syncNowButton, self.alertsButton)

        self.retranslateUi(StatusSegments)
    # setupUi

    def retranslateUi(self, StatusSegments):
#if QT_CONFIG(accessibility)
        self.officerLabel.setAccessibleName(QCoreApplication.translate("StatusSegments", u"Officer", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.laneLabel.setAccessibleName(QCoreApplication.translate("StatusSegments", u"Lane", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusDirectionLabel.setAccessibleName(QCoreApplication.translate("StatusSegments", u"Direction", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.shiftLabel.setAccessibleName(QCoreApplication.translate("StatusSegments", u"Shift duration", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.countsLabel.setAccessibleName(QCoreApplication.translate("StatusSegments", u"Counts this shift", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.syncLabel.setAccessibleName(QCoreApplication.translate("StatusSegments", u"Synchronisation", None))
#endif // QT_CONFIG(accessibility)
        self.syncNowButton.setText(QCoreApplication.translate("StatusSegments", u"Sync &now", None))
#if QT_CONFIG(accessibility)
        self.syncNowButton.setAccessibleName(QCoreApplication.translate("StatusSegments", u"Sync now", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.watchlistLabel.setAccessibleName(QCoreApplication.translate("StatusSegments", u"Watchlist", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.alertsButton.setAccessibleName(QCoreApplication.translate("StatusSegments", u"Watchlist alerts", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

