#include "HostileStrings.h"
#include "LeadRowDelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace outpost;

namespace {

// What the list painted before its delegate kept laid-out text: the text
// elided and drawn afresh for every cell. The kept text must look the same.
class FreshTextDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QWidget *widget = option.widget;
        QStyle *style = widget->style();
        QStyleOptionViewItem opt = option;
        opt.index = index;
        opt.features |= QStyleOptionViewItem::HasDisplay;
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
        // One line, tabs as spaces: as drawText(Qt::TextSingleLine) shows it, elided as shown.
        QString text = index.data(Qt::DisplayRole).toString();
        if (text.isEmpty())
            return;
        for (QChar separator :
             {QChar(u'\n'), QChar(u'\r'), QChar(u'\t'), QChar(QChar::LineSeparator), QChar(QChar::ParagraphSeparator)})
            text.replace(separator, u' ');
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);
        const QVariant align = index.data(Qt::TextAlignmentRole);
        const Qt::Alignment alignment =
            align.isValid() ? Qt::Alignment(align.toInt()) : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter);
        const QString shown = opt.fontMetrics.elidedText(text, opt.textElideMode, rect.width());
        painter->save();
        painter->setFont(opt.font);
        const bool selected = opt.state & QStyle::State_Selected;
        QPalette::ColorGroup group = QPalette::Disabled;
        if (opt.state & QStyle::State_Enabled)
            group = opt.state & QStyle::State_Active ? QPalette::Normal : QPalette::Inactive;
        painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(rect, int(QStyle::visualAlignment(opt.direction, alignment)) | Qt::TextSingleLine, shown);
        painter->restore();
    }
};

} // namespace

class TestLeadRowDelegate : public QObject
{
    Q_OBJECT

private:
    QStandardItemModel m_model;

    QImage paintedBy(QStyledItemDelegate *delegate, const QFont &font, int nameWidth,
                     Qt::LayoutDirection direction = Qt::LeftToRight)
    {
        QTableView view;
        view.setLayoutDirection(direction);
        view.setFont(font);
        view.setModel(&m_model);
        view.setItemDelegate(delegate);
        view.horizontalHeader()->setStretchLastSection(false);
        view.setColumnWidth(0, nameWidth);
        view.setColumnWidth(1, 60);
        view.resize(nameWidth + 140, 40 + 30 * m_model.rowCount());
        view.selectRow(1);
        // No focus frame: the text is compared, not the frame (which the list draws as before).
        view.setFocusPolicy(Qt::NoFocus);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return {};
        return view.viewport()->grab().toImage();
    }

private slots:
    void initTestCase()
    {
        m_model.setColumnCount(2);
        const QStringList names = {QStringLiteral("Chloé Moreau"),
                                   QStringLiteral("Mateo Fernández González de la Vega"), QStringLiteral("فاطمة الحسن"),
                                   QStringLiteral("김민준"), QStringLiteral("Line one\nline two\rthree")};
        QStringList texts = names;
        for (const test::HostileString &hostile : test::hostileStrings())
            texts << hostile.text.left(200);
        // The same texts again: the second time they come from what was kept.
        texts += names;
        int score = 0;
        for (const QString &text : texts) {
            auto *number = new QStandardItem(QString::number(score += 7));
            number->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
            m_model.appendRow({new QStandardItem(text), number});
        }
    }

    void looksAsTextLaidOutAfreshDoes_data()
    {
        QTest::addColumn<int>("pointSize");
        QTest::addColumn<int>("nameWidth");
        QTest::addColumn<Qt::LayoutDirection>("direction");
        QTest::newRow("wide column") << 10 << 320 << Qt::LeftToRight;
        QTest::newRow("narrow column: elided") << 10 << 90 << Qt::LeftToRight;
        QTest::newRow("larger font") << 14 << 160 << Qt::LeftToRight;
        QTest::newRow("right-to-left list") << 10 << 90 << Qt::RightToLeft;
    }

    void looksAsTextLaidOutAfreshDoes()
    {
        QFETCH(int, pointSize);
        QFETCH(int, nameWidth);
        QFETCH(Qt::LayoutDirection, direction);
        QFont font = QApplication::font();
        font.setPointSize(pointSize);
        FreshTextDelegate fresh;
        LeadRowDelegate kept;
        // Painted afresh first: the first text laid out at a new size, before
        // Qt has loaded the fallback font of its Korean glyphs, may sit one
        // pixel higher than it does from then on.
        const QImage expected = paintedBy(&fresh, font, nameWidth, direction);
        QVERIFY(!expected.isNull());
        QCOMPARE(paintedBy(&kept, font, nameWidth, direction), expected);
        // Painted again from what it kept: the same.
        QCOMPARE(paintedBy(&kept, font, nameWidth, direction), expected);
    }

    // A delegate that kept text for one font or width never shows it at another.
    void keptTextFollowsFontAndWidth()
    {
        QFont small = QApplication::font();
        small.setPointSize(9);
        QFont large = small;
        large.setPointSize(14);
        FreshTextDelegate fresh;
        paintedBy(&fresh, large, 300); // the fallback fonts loaded (see above)
        const QImage wide = paintedBy(&fresh, large, 300);
        const QImage narrow = paintedBy(&fresh, large, 80);
        QVERIFY(narrow != wide);
        LeadRowDelegate kept;
        QVERIFY(!paintedBy(&kept, small, 300).isNull());
        QCOMPARE(paintedBy(&kept, large, 300), wide);
        QCOMPARE(paintedBy(&kept, large, 80), narrow);
    }
};

QTEST_MAIN(TestLeadRowDelegate)
#include "tst_leadrowdelegate.moc"
