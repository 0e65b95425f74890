/** Fixtures shared by the node's integration tests. */
package org.medmesh.node.testing;
