/** The node's ports: interfaces its use cases need from the outside world, each with one exception family. */
package org.medmesh.node.application.port;
