/**
 * Development tooling, apart from the product: the benchmarks ({@code bench}), the synthetic news and graph
 * generators ({@code synthetic}; one graph generator for every benchmark and test that needs a big graph) and the
 * scoring of extraction and timelines against gold files ({@code evaluation}). The jar's {@code bench},
 * {@code generate} and {@code evaluate} commands reach them through {@code io.dealgraph.cli}.
 *
 * <p>Dependencies go one way: devtools use the feature packages ({@code extract}, {@code ingest}, {@code export},
 * ...), never the reverse, and never {@code cli}. {@code PackageDependenciesTest} fails the build otherwise.
 */
package io.dealgraph.devtools;
