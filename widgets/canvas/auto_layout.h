// Auto-layout of the canvas, left to right: Graphviz's `dot` (run as a process, -Tplain)
// when it is installed, else a layered layout of our own (columns by longest path, rows
// ordered by the mean row of each node's neighbours).
#pragma once

#include "engine/pipeline/entry_graph.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QString>

class QProcess;

namespace cairn::widgets {

// Top-left positions for every node.
QHash<QString, QPointF> layeredLayout(const pipeline::EntryGraph& graph);

// Graphviz input for the graph: nodes n0, n1... sized as the canvas draws them.
QByteArray dotInput(const pipeline::EntryGraph& graph);
// Positions from `dot -Tplain` output (inches, origin bottom-left); empty when it is not that.
QHash<QString, QPointF> parseDotPlain(const QByteArray& plain, const pipeline::EntryGraph& graph);

class DotLayout : public QObject {
    Q_OBJECT
public:
    explicit DotLayout(QObject* parent = nullptr);
    ~DotLayout() override;
    // The `dot` program on PATH, or empty.
    static QString dotExecutable();
    // Runs dot on `graph`; finished() follows once (an error when dot is missing, fails or
    // takes longer than `timeoutMs`). A second start() while one runs replaces it.
    void start(const pipeline::EntryGraph& graph, int timeoutMs = 20000);
    bool isRunning() const;

Q_SIGNALS:
    void finished(const QHash<QString, QPointF>& positions, const QString& error);

private:
    QProcess* m_process = nullptr;
    pipeline::EntryGraph m_graph;
};

} // namespace cairn::widgets
