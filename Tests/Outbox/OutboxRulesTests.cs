using TetReadiness.Outbox;

namespace TetReadiness.Tests.Outbox;

/// <summary>The outbox's rules for a row, whatever its kind: what a sender does with it and what a result makes of it. No I/O.</summary>
public sealed class OutboxRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 31, 8, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(OutboxState.Queued, null, OutboxClaim.Claim)]
    [InlineData(OutboxState.Sending, 30, OutboxClaim.Busy)]
    [InlineData(OutboxState.Sending, 61, OutboxClaim.Claim)]
    [InlineData(OutboxState.Sent, 1, OutboxClaim.Done)]
    [InlineData(OutboxState.Failed, 1, OutboxClaim.Done)]
    [InlineData(OutboxState.Superseded, null, OutboxClaim.Done)]
    public void A_sender_claims_a_waiting_row_or_one_whose_sender_died_and_leaves_the_rest(string state, int? claimedSecondsAgo, OutboxClaim expected)
    {
        var row = new Row { State = state, ClaimedAt = claimedSecondsAgo is { } seconds ? Now.AddSeconds(-seconds) : null };

        Assert.Equal(expected, OutboxRules.Decide(row, Now));
    }

    [Fact]
    public void A_claim_counts_an_attempt_and_says_when()
    {
        var row = new Row { Attempts = 2 };

        OutboxRules.Claim(row, Now);

        Assert.Equal((OutboxState.Sending, 3, Now), (row.State, row.Attempts, row.ClaimedAt));
    }

    [Fact]
    public void A_sent_message_is_sent_with_its_time_and_no_error()
    {
        var row = Claimed(attempts: 1);

        var settlement = OutboxRules.Settle(row, new OutboxSendResult(OutboxSendOutcome.Sent, 202, null), 5, "reminders-poison", Now);

        Assert.Equal((OutboxSettlement.Sent, OutboxState.Sent, Now, null), (settlement, row.State, row.SentAt, row.LastError));
    }

    [Fact]
    public void A_refusal_of_the_message_itself_fails_it_for_good_and_keeps_the_providers_answer_in_the_row()
    {
        var row = Claimed(attempts: 1);

        var settlement = OutboxRules.Settle(row, new OutboxSendResult(OutboxSendOutcome.PermanentFailure, 400, "HTTP 400: bad from"), 5, "digests-poison", Now);

        Assert.Equal((OutboxSettlement.FailedPermanently, OutboxState.Failed, "HTTP 400: bad from"), (settlement, row.State, row.LastError));
        Assert.Null(row.GaveUpAt);
    }

    [Theory]
    [InlineData(1, 0, 5, false)]
    [InlineData(4, 0, 5, false)]
    [InlineData(5, 0, 5, true)]
    [InlineData(2, 0, 2, true)]
    [InlineData(6, 1, 5, false)]
    [InlineData(10, 1, 5, true)]
    public void A_transient_failure_waits_for_the_retry_until_the_rounds_attempts_run_out(int attempts, int redrives, int maxAttempts, bool givesUp)
    {
        var row = Claimed(attempts, redrives);

        var settlement = OutboxRules.Settle(row, new OutboxSendResult(OutboxSendOutcome.TransientFailure, 503, "HTTP 503: down"), maxAttempts, "reminders-poison", Now);

        Assert.Equal(OutboxSettlement.Retry, settlement);
        Assert.Equal(givesUp ? OutboxState.Failed : OutboxState.Queued, row.State);
        Assert.Equal(givesUp ? Now : null, row.GaveUpAt);
        Assert.Equal(attempts, row.Attempts);
        if (givesUp)
        {
            Assert.Equal($"Gave up after {attempts} attempts; the message goes to reminders-poison, from where RedrivePoison can bring it back. Last error: HTTP 503: down", row.LastError);
        }
    }

    [Fact]
    public void A_channel_that_is_not_configured_releases_the_claim_without_using_up_an_attempt()
    {
        var row = Claimed(attempts: 1);

        var settlement = OutboxRules.Settle(row, new OutboxSendResult(OutboxSendOutcome.NotConfigured, 401, "HTTP 401"), 1, "reminders-poison", Now);

        Assert.Equal((OutboxSettlement.WaitsForChannel, OutboxState.Queued, 0), (settlement, row.State, row.Attempts));
        Assert.Null(row.GaveUpAt);
    }

    [Fact]
    public void A_row_with_nothing_left_to_send_fails_without_an_attempt()
    {
        var row = new Row();

        OutboxRules.NothingToSend(row, "Gone.");

        Assert.Equal((OutboxState.Failed, 0, "Gone."), (row.State, row.Attempts, row.LastError));
    }

    [Fact]
    public void A_lost_row_still_due_is_queued_again_now_and_keeps_its_state_otherwise_it_is_superseded_with_the_kinds_reason()
    {
        var due = new Row { State = OutboxState.Sending, ClaimedAt = Now.AddHours(-2) };
        var stale = new Row();

        OutboxRecovery.Recover(due, stillDue: true, "later one covers it", Now);
        OutboxRecovery.Recover(stale, stillDue: false, "later one covers it", Now);

        Assert.Equal((OutboxState.Sending, Now, null), (due.State, due.RequeuedAt, due.LastError));
        Assert.Equal((OutboxState.Superseded, null, "later one covers it"), (stale.State, stale.RequeuedAt, stale.LastError));
    }

    [Theory]
    [InlineData(OutboxState.Queued, false, true)]
    [InlineData(OutboxState.Sending, false, true)]
    [InlineData(OutboxState.Failed, true, true)]
    [InlineData(OutboxState.Failed, false, false)]
    [InlineData(OutboxState.Sent, false, false)]
    [InlineData(OutboxState.Superseded, false, false)]
    public void A_redrive_reopens_only_waiting_rows_and_rows_whose_attempts_ran_out(string state, bool gaveUp, bool reopens)
    {
        Assert.Equal(reopens, OutboxRecovery.CanReopen(new Row { State = state, GaveUpAt = gaveUp ? Now.AddHours(-1) : null }));
    }

    [Fact]
    public void A_redriven_row_whose_attempts_ran_out_gets_a_fresh_round_and_one_no_longer_due_is_superseded()
    {
        var gaveUp = new Row { State = OutboxState.Failed, Attempts = 5, GaveUpAt = Now.AddHours(-3) };
        var waiting = new Row { State = OutboxState.Queued, Attempts = 2 };
        var stale = new Row { State = OutboxState.Failed, Attempts = 5, GaveUpAt = Now.AddHours(-3) };

        OutboxRecovery.Reopen(gaveUp, stillDue: true, "too late", Now);
        OutboxRecovery.Reopen(waiting, stillDue: true, "too late", Now);
        OutboxRecovery.Reopen(stale, stillDue: false, "too late", Now);

        Assert.Equal((OutboxState.Queued, 1, null, Now), (gaveUp.State, gaveUp.Redrives, gaveUp.GaveUpAt, gaveUp.RequeuedAt));
        Assert.False(OutboxRecovery.GivesUp(gaveUp.Attempts + 4, gaveUp.Redrives, 5));
        Assert.Equal((OutboxState.Queued, 0, Now), (waiting.State, waiting.Redrives, waiting.RequeuedAt));
        Assert.Equal((OutboxState.Superseded, 0, "too late"), (stale.State, stale.Redrives, stale.LastError));
    }

    private static Row Claimed(int attempts, int redrives = 0) =>
        new() { State = OutboxState.Sending, Attempts = attempts, Redrives = redrives, ClaimedAt = Now };

    private sealed class Row : IOutboxRow
    {
        public string State { get; set; } = OutboxState.Queued;

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset? ClaimedAt { get; set; }

        public DateTimeOffset? SentAt { get; set; }

        public DateTimeOffset? RequeuedAt { get; set; }

        public DateTimeOffset? GaveUpAt { get; set; }

        public int Redrives { get; set; }

        public bool NeverQueued => false;

        public DateTimeOffset LastTouched() => OutboxRecovery.LastTouched(Now, ClaimedAt, RequeuedAt);
    }
}
