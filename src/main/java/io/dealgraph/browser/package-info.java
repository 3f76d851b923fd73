/** Neo4j Browser, served by the application and pointed at the application's own Bolt endpoint. */
package io.dealgraph.browser;
