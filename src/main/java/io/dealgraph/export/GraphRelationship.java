package io.dealgraph.export;

import java.util.Map;

/** One exported relationship; {@code key} is its position in the export ({@code e0}, {@code e1}, ...). */
record GraphRelationship(String key, String type, Ref source, Ref target, Map<String, Object> properties) {
}
