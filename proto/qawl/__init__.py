"""qawl's protobuf contract: versioned packages of generated message and service stubs."""
