// PayloadView: text, JSON, binary, null/empty; bounded output for huge values.
#include "payloadview.h"

#include <QElapsedTimer>
#include <QTest>

using namespace kops;

class TestPayloadView : public QObject
{
    Q_OBJECT

private slots:
    void kinds()
    {
        QCOMPARE(PayloadView::make(std::nullopt).kind, PayloadView::Kind::Null);
        QCOMPARE(PayloadView::make(QByteArray()).kind, PayloadView::Kind::Empty);
        QCOMPARE(PayloadView::make(QByteArray("hello")).kind, PayloadView::Kind::Text);
        QCOMPARE(PayloadView::make(QByteArray("{not json")).kind, PayloadView::Kind::Text);
        const PayloadView json = PayloadView::make(QByteArray("{\"a\":[1,2],\"b\":\"x\"}"));
        QCOMPARE(json.kind, PayloadView::Kind::Json);
        QVERIFY(json.text.contains(QStringLiteral("\n"))); // pretty-printed
        const PayloadView bin = PayloadView::make(QByteArray("\x00\x01\xff" "ABC", 6));
        QCOMPARE(bin.kind, PayloadView::Kind::Binary);
        QVERIFY2(bin.text.startsWith(QStringLiteral("00000000  00 01 ff 41 42 43")), qPrintable(bin.text));
        QVERIFY(bin.text.contains(QStringLiteral("...ABC")));
    }

    void invalidUtf8IsBinary()
    {
        QCOMPARE(PayloadView::make(QByteArray("caf\xc3", 4)).kind, PayloadView::Kind::Binary);
    }

    void hugeValuesAreCut()
    {
        QElapsedTimer t;
        t.start();
        const PayloadView text = PayloadView::make(QByteArray(10 * 1024 * 1024, 'a'));
        QCOMPARE(text.kind, PayloadView::Kind::Text);
        QVERIFY(text.truncated);
        QCOMPARE(text.size, 10 * 1024 * 1024);
        QCOMPARE(text.text.size(), 1 << 20);
        const PayloadView bin = PayloadView::make(QByteArray(10 * 1024 * 1024, '\xff'));
        QVERIFY(bin.truncated);
        QCOMPARE(bin.text.count(QLatin1Char('\n')), 64 * 1024 / 16);
        // Cutting never splits a UTF-8 character: "é" is two bytes.
        QByteArray accents;
        for (int i = 0; i < 1000; ++i)
            accents += "\xc3\xa9";
        const PayloadView cut = PayloadView::make(accents, 11);
        QVERIFY(cut.truncated);
        QCOMPARE(cut.text, QString(5, QChar(0xe9)));
        qInfo() << "10 MB payload views built in" << t.elapsed() << "ms";
    }
};

QTEST_GUILESS_MAIN(TestPayloadView)
#include "tst_payloadview.moc"
