using System.Runtime.CompilerServices;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// The capture slots of a <see cref="PosixMachine"/>'s threads: sets shared between threads until one of them writes
/// (reference counted). A program of at most <see cref="MaxFlatSlots"/> slots, as nearly every pattern is, keeps a set
/// in one array, copied on a shared write. A larger one keeps a set as a chain: a write to a shared set makes a node
/// holding the slot written and a reference to the set it changes, down to a set held in an array (a base); a chain
/// as long as the slots becomes a base itself. Why: with many groups the threads differ from each other in a few slots
/// each, and each new thread is one write from another: <c>(a*)(a*)...</c> makes a thread per group at every position,
/// and with arrays each copied every slot (300 groups over 2,000 bytes: 360 million slots copied); <c>(a|(a|(a|...b)))</c>
/// has thousands of threads at once. A write is now one node, a read of the match's start one field, and a full read
/// (a match's result) the slots and the chain.
/// <para>
/// Memory is bounded by what is allocated, not by a worst case: every node and array is counted when first made
/// (released ones are kept for reuse), and past <see cref="MaxBytes"/> the run fails as Nix fails on too large a
/// regular expression. Time is bounded by the work count (<see cref="Work"/>): a copy costs the slots it copies, a
/// node 1, a chain turned base its slots and length, an instruction the machine follows 1, and past the limit the
/// machine sets (<see cref="StartRun"/>) the run fails the same way.
/// </para>
/// </summary>
internal sealed class PosixCaptures
{
    /// <summary>Slots up to which sets are flat arrays: a copy of 64 slots is a few cache lines, and a chain's node is
    /// an allocation (from the spares) and a read of all slots a walk.</summary>
    public const int MaxFlatSlots = 64;

    /// <summary>What a machine may allocate for captures: 64 MB.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Spares a machine kept for the next call may hold: a cached pattern does not hold a large run's memory,
    /// and within it a large pattern's arrays (over 85 KB from 21,250 slots, on the large-object heap) are not
    /// allocated again on every call.</summary>
    public const long MaxRetainedBytes = 1024 * 1024;

    // An object's header and an array's (length included), as the runtime lays them out on 64 bits; a node's fields.
    private const int ObjectBytes = 24, ArrayBytes = 24, NodeFieldBytes = 40;

    /// <summary>A set of slots: a base (<see cref="Values"/>), or a chain node (one write on <see cref="Parent"/>).</summary>
    public sealed class Node
    {
        public int References;
        public int[]? Values;
        public Node? Parent;
        public int Slot, Value;
        /// <summary>Nodes from here to the base (at most; a base turned from a chain below may shorten it).</summary>
        public int Depth;
        /// <summary>Slot 0, the match's start, which the machine reads at every match and cut.</summary>
        public int Start;
    }

    private readonly int _slots;
    private readonly bool _flat;
    private readonly long _arrayBytes, _nodeBytes;
    private Spares _spareNodes = new(); // a flat store's hold their arrays, a chain store's none
    private Spares _spareBases = new(); // a chain store's freed bases, with their arrays
    private readonly Node _empty; // every slot -1; held by the store, so never written nor released
    private long _allocatedBytes;
    private int _arraysAllocated;
    private long _work, _maxWork = long.MaxValue;

    /// <param name="slots">Slots of a set.</param>
    public PosixCaptures(int slots)
    {
        _slots = slots;
        _flat = slots <= MaxFlatSlots;
        _arrayBytes = ArrayBytes + (long)slots * sizeof(int);
        _nodeBytes = ObjectBytes + NodeFieldBytes;
        _empty = NewBase();
        Array.Fill(_empty.Values!, -1);
        _empty.Start = -1;
        _empty.References = 1;
    }

    /// <summary>Whether sets are flat arrays (few slots) rather than chains.</summary>
    public bool IsFlat => _flat;

    /// <summary>What the store has allocated (for tests and the limit).</summary>
    public long AllocatedBytes => _allocatedBytes;

    /// <summary>How many arrays of all slots the store has allocated (for tests: spares are reused).</summary>
    public int ArraysAllocated => _arraysAllocated;

    /// <summary>The work on this input so far: the slots of each flat copy, 1 for each node, the slots and length of
    /// a chain turned base, plus what the machine adds (<see cref="Spend"/>: 1 per instruction followed, a write
    /// included). Each unit is about one slot moved or instruction followed, so the count tracks the run's time.</summary>
    public long Work => _work;

    /// <summary>Starts counting the work on one input, which fails past <paramref name="maxWork"/>.</summary>
    public void StartRun(long maxWork)
    {
        _work = 0;
        _maxWork = maxWork;
    }

    /// <summary>Adds <paramref name="units"/> of work (the machine's instructions followed, besides the store's own).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Spend(long units)
    {
        _work += units;
        if (_work > _maxWork) ThrowWorkLimit();
    }

    private void ThrowWorkLimit() =>
        throw new InvalidPosixPatternException($"the match does more than {_maxWork} units of work", exceedsMemoryLimit: true);

    /// <summary>A set with every slot -1 (unset).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Node New()
    {
        if (_flat) return CopyFlat(_empty);
        _empty.References++;
        return _empty;
    }

    /// <summary>Slot <paramref name="slot"/> of <paramref name="set"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Read(Node set, int slot) =>
        set.Values is { } values ? values[slot] : slot == 0 ? set.Start : ReadChain(set, slot);

    private static int ReadChain(Node set, int slot)
    {
        for (; set.Values is null; set = set.Parent!)
        {
            if (set.Slot == slot) return set.Value;
        }
        return set.Values[slot];
    }

    /// <summary>Sets slot <paramref name="slot"/>; <paramref name="set"/>'s reference is taken over by the set returned,
    /// which is a new one when other threads share it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Node Write(Node set, int slot, int value)
    {
        if (!_flat) return WriteToChain(set, slot, value);
        if (set.References > 1)
        {
            set.References--;
            set = CopyFlat(set);
        }
        set.Values![slot] = value;
        return set;
    }

    private Node WriteToChain(Node set, int slot, int value)
    {
        if (set.References == 1 && (set.Values is not null || set.Slot == slot))
        {
            // Nobody else sees it: written in place.
            if (set.Values is { } values) values[slot] = value;
            else set.Value = value;
            if (slot == 0) set.Start = value;
            return set;
        }
        // A chain as long as the slots turns base: its writes pay for the array (a shared flat write copied all the
        // slots), and a thread's own chain takes at most 16 times an array's bytes (a node takes 16 slots' bytes).
        if (set.Depth >= _slots)
        {
            // Turned into a base where it is, so the threads sharing it start short chains from it.
            MakeBase(set);
            if (set.References == 1) return WriteToChain(set, slot, value);
        }
        // Its cost is the write's, which the machine counts.
        var node = _spareNodes.TryPop() ?? AllocateNode();
        node.References = 1;
        node.Parent = set; // takes over the thread's reference
        node.Slot = slot;
        node.Value = value;
        node.Depth = set.Depth + 1;
        node.Start = slot == 0 ? value : set.Start;
        return node;
    }

    /// <summary>Turns chain node <paramref name="node"/> into a base holding the same slots.</summary>
    private void MakeBase(Node node)
    {
        Spend(_slots + node.Depth);
        int[] values;
        if (_spareBases.TryPop() is { } spare)
        {
            values = spare.Values!;
            spare.Values = null;
            _spareNodes.Push(spare);
        }
        else values = AllocateArray();
        Fill(node, values);
        var parent = node.Parent!;
        node.Values = values;
        node.Parent = null;
        node.Depth = 0;
        Release(parent);
    }

    /// <summary>All slots of <paramref name="set"/> into <paramref name="values"/>: the chain's newest write of each
    /// slot, the base's value for the others.</summary>
    private static void Fill(Node set, int[] values)
    {
        const int Unread = int.MinValue;
        Array.Fill(values, Unread);
        for (; set.Values is null; set = set.Parent!)
        {
            if (values[set.Slot] == Unread) values[set.Slot] = set.Value;
        }
        var baseValues = set.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] == Unread) values[i] = baseValues[i];
        }
    }

    /// <summary>All slots of <paramref name="set"/>, as a match reports them.</summary>
    public int[] ToArray(Node set)
    {
        if (set.Values is { } values) return (int[])values.Clone();
        var slots = new int[_slots];
        Fill(set, slots);
        return slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Release(Node set)
    {
        if (--set.References > 0) return;
        if (_flat) _spareNodes.Push(set);
        else Free(set);
    }

    /// <summary>Frees a chain node and the nodes before it that only it held; a freed base is kept with its array in <c>_spareBases</c>.</summary>
    private void Free(Node set)
    {
        while (true)
        {
            if (set.Values is not null)
            {
                _spareBases.Push(set);
                return;
            }
            var parent = set.Parent!;
            set.Parent = null;
            _spareNodes.Push(set);
            if (--parent.References > 0) return;
            set = parent;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Node CopyFlat(Node set)
    {
        Spend(_slots);
        var copy = _spareNodes.TryPop() ?? NewBase();
        set.Values.AsSpan().CopyTo(copy.Values);
        copy.References = 1;
        return copy;
    }

    private Node NewBase()
    {
        var node = AllocateNode();
        node.Values = AllocateArray();
        return node;
    }

    private Node AllocateNode()
    {
        Charge(_nodeBytes);
        return new Node();
    }

    private int[] AllocateArray()
    {
        Charge(_arrayBytes);
        _arraysAllocated++;
        return new int[_slots];
    }

    private void Charge(long bytes)
    {
        _allocatedBytes += bytes;
        if (_allocatedBytes > MaxBytes)
        {
            throw new InvalidPosixPatternException($"the match needs more than {MaxBytes / (1024 * 1024)} MB for its groups' captures", exceedsMemoryLimit: true);
        }
    }

    /// <summary>Drops spares until what the store holds is within <see cref="MaxRetainedBytes"/> (nodes first, the
    /// cheaper to make again); called between runs, when every set is free.</summary>
    public void TrimIfLarge()
    {
        if (_allocatedBytes <= MaxRetainedBytes) return;
        // In a flat store a spare node holds its array.
        _allocatedBytes -= _spareNodes.DropWhileOver(_allocatedBytes - MaxRetainedBytes, _flat ? _nodeBytes + _arrayBytes : _nodeBytes);
        _allocatedBytes -= _spareBases.DropWhileOver(_allocatedBytes - MaxRetainedBytes, _nodeBytes + _arrayBytes);
    }

    /// <summary>Released nodes, for reuse: a plain array, as <see cref="Stack{T}"/>'s calls showed in profiles.</summary>
    private struct Spares()
    {
        private Node[] _nodes = [];
        public int Count { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Node? TryPop() => Count > 0 ? _nodes[--Count] : null;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Push(Node node)
        {
            if (Count == _nodes.Length) Array.Resize(ref _nodes, Math.Max(16, 2 * Count));
            _nodes[Count++] = node;
        }

        /// <summary>Drops spares of <paramref name="bytesEach"/> while <paramref name="excess"/> bytes are over the
        /// bound, letting go of them and of a mostly empty array; the bytes dropped.</summary>
        public long DropWhileOver(long excess, long bytesEach)
        {
            var kept = Count;
            while (kept > 0 && excess > 0)
            {
                kept--;
                excess -= bytesEach;
            }
            var dropped = (Count - kept) * bytesEach;
            // TryPop leaves a popped node in its slot (the hot path): clear past the count too, or a node gone on to
            // another stack and dropped there would stay held here with its array.
            Array.Clear(_nodes, kept, _nodes.Length - kept);
            Count = kept;
            if (_nodes.Length > 16 && Count < _nodes.Length / 4) Array.Resize(ref _nodes, Math.Max(16, 2 * Count));
            return dropped;
        }
    }
}
