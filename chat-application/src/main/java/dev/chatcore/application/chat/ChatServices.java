package dev.chatcore.application.chat;

import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.dm.LeaveDirectMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.globalroom.GetGlobalRoom;
import dev.chatcore.application.globalroom.GlobalRoomEvents;
import dev.chatcore.application.globalroom.JoinGlobalRoom;
import dev.chatcore.application.globalroom.ListGlobalRooms;
import dev.chatcore.application.globalroom.PlaceInGlobalRoom;
import dev.chatcore.application.globalroom.SweepIdlePlayers;
import dev.chatcore.application.message.MessagePosting;
import dev.chatcore.application.preferences.GetPreferences;
import dev.chatcore.application.preferences.UpdatePreferences;
import dev.chatcore.application.report.ReportFiling;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

/**
 * The Chat V2 player use cases, wired by hand from the core's shared collaborators
 * ({@link dev.chatcore.application.ChatCore#chat()} holds one).
 */
public final class ChatServices {
  private final AdmitPlayer admitPlayer;
  private final ReadRoomUpdates readRoomUpdates;
  private final PostChatMessage postChatMessage;
  private final PlaceInGlobalRoom placeInGlobalRoom;
  private final JoinGlobalRoom joinGlobalRoom;
  private final GetGlobalRoom getGlobalRoom;
  private final ListGlobalRooms listGlobalRooms;
  private final SweepIdlePlayers sweepIdlePlayers;
  private final SendDirectMessage sendDirectMessage;
  private final LeaveDirectMessage leaveDirectMessage;
  private final GetPreferences getPreferences;
  private final UpdatePreferences updatePreferences;
  private final ReportMessage reportMessage;

  public ChatServices(ChatStorage storage, Limits limits, Clock clock, IdGenerator ids, MessagePolicy policy,
      RoomAccess access, RegisterCaller register, EventPublisher publisher, MessagePosting posting,
      ReportFiling reportFiling) {
    GlobalRoomEvents globalEvents = new GlobalRoomEvents(storage, publisher, clock);
    ChatVisibility visibility = new ChatVisibility(storage);
    this.placeInGlobalRoom = new PlaceInGlobalRoom(storage, globalEvents, ids, limits, clock);
    this.admitPlayer = new AdmitPlayer(register, placeInGlobalRoom, clock);
    this.readRoomUpdates = new ReadRoomUpdates(storage, visibility, clock);
    this.postChatMessage = new PostChatMessage(storage, access, policy, clock, posting);
    this.joinGlobalRoom = new JoinGlobalRoom(storage, globalEvents, limits);
    this.getGlobalRoom = new GetGlobalRoom(storage.rooms(), storage.globalRooms());
    this.listGlobalRooms = new ListGlobalRooms(storage, globalEvents, limits);
    this.sweepIdlePlayers = new SweepIdlePlayers(storage, globalEvents, clock);
    this.sendDirectMessage = new SendDirectMessage(storage, publisher, policy, ids, limits, clock, posting);
    this.leaveDirectMessage = new LeaveDirectMessage(storage, access, publisher, clock);
    this.getPreferences = new GetPreferences(storage, ids, clock);
    this.updatePreferences = new UpdatePreferences(storage, ids, limits, clock);
    this.reportMessage = new ReportMessage(storage, access, visibility, reportFiling, ids, clock);
  }

  public AdmitPlayer admitPlayer() {
    return admitPlayer;
  }

  public ReadRoomUpdates readRoomUpdates() {
    return readRoomUpdates;
  }

  public PostChatMessage postChatMessage() {
    return postChatMessage;
  }

  public PlaceInGlobalRoom placeInGlobalRoom() {
    return placeInGlobalRoom;
  }

  public JoinGlobalRoom joinGlobalRoom() {
    return joinGlobalRoom;
  }

  public GetGlobalRoom getGlobalRoom() {
    return getGlobalRoom;
  }

  public ListGlobalRooms listGlobalRooms() {
    return listGlobalRooms;
  }

  public SweepIdlePlayers sweepIdlePlayers() {
    return sweepIdlePlayers;
  }

  public SendDirectMessage sendDirectMessage() {
    return sendDirectMessage;
  }

  public LeaveDirectMessage leaveDirectMessage() {
    return leaveDirectMessage;
  }

  public GetPreferences getPreferences() {
    return getPreferences;
  }

  public UpdatePreferences updatePreferences() {
    return updatePreferences;
  }

  public ReportMessage reportMessage() {
    return reportMessage;
  }
}
