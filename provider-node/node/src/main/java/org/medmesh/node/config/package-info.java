/** Settings and wiring: where the node keeps its data and how its adapters are opened. */
package org.medmesh.node.config;
