package io.dealgraph.export;

/**
 * Receives a subgraph as it streams from the database: {@link #start} with the counts, every node, then every
 * relationship (never a relationship before the nodes), then {@link #finish}. Writers hold no more than they must.
 */
interface GraphSink {

    void start(long nodes, long relationships);

    void node(GraphNode node);

    void relationship(GraphRelationship relationship);

    void finish();
}
