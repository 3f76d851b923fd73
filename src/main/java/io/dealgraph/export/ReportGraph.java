package io.dealgraph.export;

import java.util.ArrayList;
import java.util.List;

/** The subgraph held in memory for the report and pictures (their size is capped by max-report-elements). */
class ReportGraph implements GraphSink {

    final List<GraphNode> nodes = new ArrayList<>();
    final List<GraphRelationship> relationships = new ArrayList<>();

    @Override
    public void start(long nodeCount, long relationshipCount) {
    }

    @Override
    public void node(GraphNode node) {
        nodes.add(node);
    }

    @Override
    public void relationship(GraphRelationship relationship) {
        relationships.add(relationship);
    }

    @Override
    public void finish() {
    }
}
