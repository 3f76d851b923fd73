/**
 * The jar's subcommands, on picocli: each command class declares its options, checks them and hands the work to a
 * feature package ({@code ingest}, {@code export}, {@code extract}) or to {@code io.dealgraph.devtools} (benchmarks,
 * the generator, evaluation). What belongs to the command line itself stays here: usage and exit statuses
 * ({@link io.dealgraph.cli.Commands}), progress on the console, and the hand-off of a job to a running server that
 * holds the store ({@code ServerHandoff}). Nothing outside this package and {@code DealgraphApplication} uses it.
 */
package io.dealgraph.cli;
