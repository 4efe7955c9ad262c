"""Central store service: enrolment, signed batch ingestion, reference data. No Qt."""
