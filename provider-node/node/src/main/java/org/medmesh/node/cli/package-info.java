/** The {@code medmesh} command line: the demo, ledger verification and benchmarks. */
package org.medmesh.node.cli;
