#pragma once

#include <QByteArray>
#include <QIODevice>

namespace outpost {

// A request body that can be read once and never rewound. The network layer
// re-sends a request whose connection closed before an answer by rewinding
// its body; for a request that acts again when repeated that must not
// happen quietly: with this body the rewind fails and the request ends with
// an error its caller can check.
class OneShotBody : public QIODevice
{
    Q_OBJECT

public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }
    bool atEnd() const override;
    qint64 bytesAvailable() const override;
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

} // namespace outpost
