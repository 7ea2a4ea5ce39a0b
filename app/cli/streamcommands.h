#pragma once

#include <QStringList>

namespace Ncf::Cli {

//! `ncf stream --brokers HOST:PORT --model DIR --data FILE [--trigger 10s] [--buffer N]
//! [--db FILE.sqlite] ...`: fine-tune a model continually from a Kafka topic.
int runStream(const QStringList &args);

//! `ncf serve --model DIR [--port 8080] [--host 127.0.0.1]`: serve predictions over HTTP,
//! reloading each new checkpoint of the stream.
int runServe(const QStringList &args);

} // namespace Ncf::Cli
