using System.Text;
using FluentValidation;
using MediatR;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Application.Users.Commands.CreateUser;
using Navixy.Panel.Application.Users.Models;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Users;
using ValidationException = Navixy.Panel.Application.Common.Exceptions.ValidationException;

namespace Navixy.Panel.Application.Users.Commands.UploadUsers;

/// <summary>
/// <c>panel/user/upload</c>: imports master users from a <c>;</c>-separated CSV file with a header row. The whole
/// file is checked first and imported in one transaction, or not at all. A row number is the line of the file a
/// record starts on (the header's is 1), so a quoted field spanning lines still points a text editor at its record.
/// </summary>
public sealed record UploadUsersCommand(long DealerId, byte[]? File) : IRequest<UploadUsersResult>, IDealerScoped
{
    public const int MaxRows = 10_000;

    /// <summary>Columns a file must have.</summary>
    public static readonly string[] RequiredColumns = ["login", "first_name", "last_name", "legal_type", "password"];

    /// <summary>Columns a file may have; any other column is ignored.</summary>
    public static readonly string[] OptionalColumns =
        ["middle_name", "legal_name", "phone", "post_country", "post_region", "post_city", "post_street_address", "post_index", "locale", "time_zone", "comment", "demo"];

    public static bool IsReadColumn(string name) => RequiredColumns.Contains(name) || OptionalColumns.Contains(name);

    public const string DefaultLocale = "en_US";
    public const string DefaultTimeZone = "UTC";
}

/// <param name="Total">Users imported.</param>
/// <param name="Errors">Rows refused; always 0, since a file with a bad row is refused whole.</param>
public sealed record UploadUsersResult(int Total, int Errors);

public sealed class UploadUsersCommandHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    PendingPasswords pendingPasswords,
    PendingPasswordSignal pendingPasswordSignal,
    AuditTrail audit,
    TimeProvider clock)
    : IRequestHandler<UploadUsersCommand, UploadUsersResult>
{
    private static readonly CreateUserCommandValidator RowValidator = new();

    public async Task<UploadUsersResult> Handle(UploadUsersCommand request, CancellationToken cancellationToken)
    {
        var rows = ReadRows(request.File!);
        var commands = new (int Number, CreateUserCommand Command)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            // Read and checked row by row, so the first bad row is the one reported, whatever its fault.
            var (number, values) = rows[i];
            var command = ToCommand(request.DealerId, number, values);
            commands[i] = (number, command);
            var result = await RowValidator.ValidateAsync(command, cancellationToken);
            if (!result.IsValid)
            {
                var errors = result.Errors.Select(ParameterError.From).ToArray();
                throw new ValidationException(errors) { RowNumber = number };
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        int? repeatedRow = null;
        foreach (var (number, command) in commands)
        {
            if (!seen.Add(User.LoginKeyOf(command.User!.Login!)))
            {
                repeatedRow ??= number;
            }
        }

        // A login in use on the platform or earlier in the file: the first row with either is the one reported.
        if (new[] { repeatedRow, await FirstTakenRowAsync(commands, seen, cancellationToken) }.Min() is { } inUseRow)
        {
            throw new NavixyException(ErrorCode.LoginInUse) { RowNumber = inUseRow };
        }

        // Hashing 10,000 passwords takes minutes: they are stored sealed with the users and hashed in the background
        // (PendingPasswords), so the reply comes in seconds and every user can sign in from it.
        var now = clock.GetUtcNow().UtcDateTime;
        var created = commands.Select(c =>
        {
            var user = NewUsers.Create(request.DealerId, c.Command.User!, Domain.Users.User.PendingPasswordHash, c.Command.Locale!, c.Command.TimeZone!, c.Command.Comment, now);
            user.HoldPendingPassword(pendingPasswords.Seal(c.Command.Password!));
            return user;
        }).ToArray();
        try
        {
            await unitOfWork.InTransactionAsync(async ct =>
            {
                await users.AddManyAsync(created, ct);
                audit.Record(AuditActions.UserUpload, request.DealerId, affected: created.Length);
                return true;
            }, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Another request took a login between the check and the insert: name its row as the check would have.
            throw new NavixyException(ErrorCode.LoginInUse) { RowNumber = await FirstTakenRowAsync(commands, seen, cancellationToken) };
        }

        pendingPasswordSignal.Notify();

        return new UploadUsersResult(commands.Length, 0);
    }

    private async Task<int?> FirstTakenRowAsync((int Number, CreateUserCommand Command)[] commands, IReadOnlyCollection<string> loginKeys, CancellationToken cancellationToken)
    {
        var taken = (await users.FindTakenLoginsAsync(loginKeys, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return commands.Where(c => taken.Contains(User.LoginKeyOf(c.Command.User!.Login!))).Select(c => (int?)c.Number).FirstOrDefault();
    }

    private static List<(int Number, Dictionary<string, string> Values)> ReadRows(byte[] file)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file);
        }
        catch (DecoderFallbackException)
        {
            throw new ValidationException("file", "must be UTF-8 text");
        }

        List<CsvRecord> table;
        try
        {
            table = CsvTable.Parse(text);
        }
        catch (CsvTableException ex)
        {
            throw new ValidationException("file", ex.Message) { RowNumber = ex.LineNumber };
        }

        if (table.Count <= 1)
        {
            throw new NavixyException(ErrorCode.EmptyDataFile);
        }

        if (table.Count - 1 > UploadUsersCommand.MaxRows)
        {
            throw new ValidationException("file", $"must hold at most {UploadUsersCommand.MaxRows} rows");
        }

        var header = table[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = UploadUsersCommand.RequiredColumns.Where(c => !header.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new ValidationException("file", $"header lacks column(s): {string.Join(", ", missing)}") { RowNumber = table[0].LineNumber };
        }

        // A column the import reads, named twice, leaves no telling which of the two values was meant.
        var repeated = header.Where(UploadUsersCommand.IsReadColumn).GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
        {
            throw new ValidationException("file", $"header repeats column(s): {string.Join(", ", repeated)}") { RowNumber = table[0].LineNumber };
        }

        return table.Skip(1)
            .Select(record => (
                Number: record.LineNumber,
                Values: header.Select((name, column) => (name, value: column < record.Fields.Length ? record.Fields[column].Trim() : string.Empty))
                    .Where(p => p.name.Length > 0)
                    .DistinctBy(p => p.name)
                    .ToDictionary(p => p.name, p => p.value)))
            .ToList();
    }

    private static CreateUserCommand ToCommand(long dealerId, int number, Dictionary<string, string> values)
    {
        string? Get(string column) => values.TryGetValue(column, out var v) && v.Length > 0 ? v : null;
        var user = new UserModel(
            Get("login"),
            Get("first_name"),
            Get("middle_name"),
            Get("last_name"),
            Get("legal_name"),
            Get("legal_type"),
            Get("phone"),
            Get("post_country"),
            Get("post_region"),
            Get("post_city"),
            Get("post_street_address"),
            Get("post_index"),
            ReadDemo(Get("demo"), number),
            DealerMfaSettings: null);
        return new CreateUserCommand(
            dealerId,
            user,
            Get("password"),
            Get("locale") ?? UploadUsersCommand.DefaultLocale,
            Get("time_zone") ?? UploadUsersCommand.DefaultTimeZone,
            Get("comment"));
    }

    /// <summary>The <c>demo</c> column: empty is not demo; anything but true/false/1/0 is refused, not read as false.</summary>
    private static bool ReadDemo(string? text, int number) => text?.ToLowerInvariant() switch
    {
        null or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw new ValidationException("user.demo", "must be true, false, 1 or 0") { RowNumber = number },
    };
}
