#ifndef SIGNET_MALLOC_COUNTER_H
#define SIGNET_MALLOC_COUNTER_H

/// Starts or stops counting heap allocations (malloc, calloc, realloc, aligned allocations).
void signet_count_allocations(int enabled);
/// Allocations counted so far.
unsigned long long signet_allocation_count(void);

#endif
