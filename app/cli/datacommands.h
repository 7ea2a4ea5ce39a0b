#pragma once

#include <QStringList>

namespace Ncf::Cli {

//! `ncf eda FILE [--json] [--lenient]`: load a ratings file and print its statistics.
int runEda(const QStringList &args);
//! `ncf synth --shape 100k|1m|25m --out DIR [--seed S]`: write a MovieLens-shaped dataset.
int runSynth(const QStringList &args);

//! `ncf split --data FILE --out DIR [--split 0.9] [--seed S]`: write a holdout's row numbers
//! (little-endian uint32 files), so other tools can train on exactly the same rows.
int runSplit(const QStringList &args);

//! `ncf broker [--partitions N] [--brokers N]`: run the embedded Kafka broker alone; its
//! bootstrap address is the first line of output.
int runBroker(const QStringList &args);

//! `ncf produce --data FILE --brokers HOST:PORT [--topic movielens] [--rate N|max] ...`:
//! replay the stream part of the continual-learning split into Kafka.
int runProduce(const QStringList &args);

} // namespace Ncf::Cli
