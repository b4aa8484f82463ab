// libtorch's random generator (initial weights, dropout) is one per process: two classes training at once
// draw from it in turn, and the same seed then no longer gives the same network.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
