// Placeholder until the benchmark driver lands (issue 6).
print("shiptrack-bench: not written yet")
