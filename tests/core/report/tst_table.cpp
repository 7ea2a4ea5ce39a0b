#include "core/report/table.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Ncf;

namespace {

Table resultsTable()
{
    Table t;
    t.title = QStringLiteral("Results");
    t.header = {QStringLiteral("Model"), QStringLiteral("RMSE"), QStringLiteral("Epochs")};
    t.rows = {{QStringLiteral("NeuMF"), QStringLiteral("0.8731"), QStringLiteral("20")},
              {QStringLiteral("GMF"), QStringLiteral("0.9012"), QStringLiteral("15")}};
    return t;
}

} // namespace

Q_DECLARE_METATYPE(Ncf::TableFormat)

class tst_Table : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvQuoting_data();
    void csvQuoting();
    void csvWhole();
    void markdown();
    void markdownEscapesPipes();
    void latexEscaping_data();
    void latexEscaping();
    void latexWhole();
    void formatNames_data();
    void formatNames();
    void unknownFormatName();
    void writeTable_data();
    void writeTable();
    void writeTableError();
};

void tst_Table::csvQuoting_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << "NeuMF" << "NeuMF";
    QTest::newRow("comma") << "1,000" << "\"1,000\"";
    QTest::newRow("quote") << "the \"best\" run" << "\"the \"\"best\"\" run\"";
    QTest::newRow("newline") << "two\nlines" << "\"two\nlines\"";
    QTest::newRow("carriage return") << "a\rb" << "\"a\rb\"";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("spaces stay bare") << " padded " << " padded ";
}

void tst_Table::csvQuoting()
{
    QFETCH(QString, cell);
    QFETCH(QString, expected);

    Table t;
    t.header = {QStringLiteral("h")};
    t.rows = {{cell}};
    QCOMPARE(toCsv(t), QStringLiteral("h\r\n") + expected + QStringLiteral("\r\n"));
}

void tst_Table::csvWhole()
{
    Table t = resultsTable();
    t.rows.append({QStringLiteral("MLP, deep"), QStringLiteral("0.95"), QStringLiteral("5")});
    QCOMPARE(toCsv(t), QStringLiteral("Model,RMSE,Epochs\r\n"
                                      "NeuMF,0.8731,20\r\n"
                                      "GMF,0.9012,15\r\n"
                                      "\"MLP, deep\",0.95,5\r\n"));
}

void tst_Table::markdown()
{
    Table t = resultsTable();
    t.note = QStringLiteral("Mean of 10 folds.");
    QCOMPARE(toMarkdown(t), QStringLiteral("**Results**\n"
                                           "\n"
                                           "| Model | RMSE | Epochs |\n"
                                           "| --- | ---: | ---: |\n"
                                           "| NeuMF | 0.8731 | 20 |\n"
                                           "| GMF | 0.9012 | 15 |\n"
                                           "\n"
                                           "Mean of 10 folds.\n"));

    // One text cell makes the column left-aligned again.
    t.rows[1][1] = QStringLiteral("n/a");
    QVERIFY(toMarkdown(t).contains(QStringLiteral("| --- | --- | ---: |\n")));
}

void tst_Table::markdownEscapesPipes()
{
    Table t;
    t.header = {QStringLiteral("a|b"), QStringLiteral("c")};
    t.rows = {{QStringLiteral("x | y"), QStringLiteral("line\nbreak")}};
    QCOMPARE(toMarkdown(t), QStringLiteral("| a\\|b | c |\n"
                                           "| --- | --- |\n"
                                           "| x \\| y | line break |\n"));
}

void tst_Table::latexEscaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ampersand") << "R&D" << "R\\&D";
    QTest::newRow("percent") << "50%" << "50\\%";
    QTest::newRow("dollar") << "$5" << "\\$5";
    QTest::newRow("hash") << "#1" << "\\#1";
    QTest::newRow("underscore") << "learning_rate" << "learning\\_rate";
    QTest::newRow("braces") << "{x}" << "\\{x\\}";
    QTest::newRow("tilde") << "~1" << "\\textasciitilde{}1";
    QTest::newRow("caret") << "2^3" << "2\\textasciicircum{}3";
    QTest::newRow("backslash") << "a\\b" << "a\\textbackslash{}b";
    QTest::newRow("all of them")
        << "&%$#_{}~^\\"
        << "\\&\\%\\$\\#\\_\\{\\}\\textasciitilde{}\\textasciicircum{}\\textbackslash{}";
    QTest::newRow("plain text") << "NeuMF 0.87" << "NeuMF 0.87";
}

void tst_Table::latexEscaping()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    Table t;
    t.header = {QStringLiteral("h")};
    t.rows = {{text}};
    const QString latex = toLatex(t);
    QVERIFY2(latex.contains(QStringLiteral("\\midrule\n") + expected + QStringLiteral(" \\\\\n")),
             qPrintable(latex));
}

void tst_Table::latexWhole()
{
    Table t = resultsTable();
    t.title = QStringLiteral("RMSE & epochs (10% held out)");
    t.note = QStringLiteral("lr_0.001");
    QCOMPARE(toLatex(t), QStringLiteral("\\begin{table}[ht]\n"
                                        "\\centering\n"
                                        "\\caption{RMSE \\& epochs (10\\% held out)}\n"
                                        "\\begin{tabular}{lrr}\n"
                                        "\\toprule\n"
                                        "Model & RMSE & Epochs \\\\\n"
                                        "\\midrule\n"
                                        "NeuMF & 0.8731 & 20 \\\\\n"
                                        "GMF & 0.9012 & 15 \\\\\n"
                                        "\\bottomrule\n"
                                        "\\end{tabular}\n"
                                        "\\par\\smallskip{\\footnotesize lr\\_0.001}\n"
                                        "\\end{table}\n"));
}

void tst_Table::formatNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<TableFormat>("format");
    QTest::addColumn<QString>("suffix");

    QTest::newRow("csv") << "csv" << TableFormat::Csv << "csv";
    QTest::newRow("md") << "md" << TableFormat::Markdown << "md";
    QTest::newRow("markdown upper case") << "Markdown" << TableFormat::Markdown << "md";
    QTest::newRow("latex") << "latex" << TableFormat::Latex << "tex";
    QTest::newRow("tex") << "TEX" << TableFormat::Latex << "tex";
}

void tst_Table::formatNames()
{
    QFETCH(QString, name);
    QFETCH(TableFormat, format);
    QFETCH(QString, suffix);

    const Result<TableFormat> parsed = tableFormatFromName(name);
    QVERIFY(parsed.ok());
    QCOMPARE(*parsed, format);
    QCOMPARE(tableSuffix(format), suffix);
}

void tst_Table::unknownFormatName()
{
    const QStringList names = {QStringLiteral("xlsx"), QString(), QStringLiteral("c sv")};
    for (const QString &name : names) {
        const Result<TableFormat> parsed = tableFormatFromName(name);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error(),
                 QStringLiteral("unknown table format '%1': expected csv, md or latex").arg(name));
    }
}

void tst_Table::writeTable_data()
{
    QTest::addColumn<TableFormat>("format");

    QTest::newRow("csv") << TableFormat::Csv;
    QTest::newRow("markdown") << TableFormat::Markdown;
    QTest::newRow("latex") << TableFormat::Latex;
}

void tst_Table::writeTable()
{
    QFETCH(TableFormat, format);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Table t = resultsTable();
    t.rows.append({QStringLiteral("Ünïcode ½"), QStringLiteral("1"), QStringLiteral("2")});
    const QString path = dir.filePath(QStringLiteral("results.") + tableSuffix(format));
    const Result<void> written = Ncf::writeTable(t, path, format);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes, renderTable(t, format).toUtf8());
    QVERIFY(bytes.contains("\xc3\x9cn\xc3\xaf" "code \xc2\xbd")); // UTF-8

    // Writing again replaces the file.
    t.rows.clear();
    QVERIFY(Ncf::writeTable(t, path, format).ok());
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), renderTable(t, format).toUtf8());
}

void tst_Table::writeTableError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no/such/folder/t.csv"));
    const Result<void> written = Ncf::writeTable(resultsTable(), path, TableFormat::Csv);
    QVERIFY(!written.ok());
    QVERIFY2(written.error().startsWith(path + QStringLiteral(": cannot write: ")),
             qPrintable(written.error()));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(tst_Table)

#include "tst_table.moc"
