import { createRequire } from 'node:module'
import type * as Protobuf from 'protobufjs'
import { err, ok, type Result } from '../../shared/result'

/*
 * Google Authenticator's "Transfer accounts" payload: a protobuf
 * MigrationPayload, base64 in `otpauth-migration://offline?data=…`. Google
 * does not publish the schema; this one is as reverse-engineered in
 * scito/extract_otp_secrets (src/protobuf/google_auth.proto) and
 * beemdevelopment/Aegis (app/src/main/proto/google_auth.proto). Parsed from
 * text at load, so there is no code-generation step.
 */
const SCHEMA = `
syntax = "proto3";
message MigrationPayload {
  enum Algorithm { ALGORITHM_UNSPECIFIED = 0; ALGORITHM_SHA1 = 1; ALGORITHM_SHA256 = 2; ALGORITHM_SHA512 = 3; ALGORITHM_MD5 = 4; }
  enum DigitCount { DIGIT_COUNT_UNSPECIFIED = 0; DIGIT_COUNT_SIX = 1; DIGIT_COUNT_EIGHT = 2; }
  enum OtpType { OTP_TYPE_UNSPECIFIED = 0; OTP_TYPE_HOTP = 1; OTP_TYPE_TOTP = 2; }
  message OtpParameters {
    bytes secret = 1;
    string name = 2;
    string issuer = 3;
    Algorithm algorithm = 4;
    DigitCount digits = 5;
    OtpType type = 6;
    int64 counter = 7;
  }
  repeated OtpParameters otp_parameters = 1;
  int32 version = 2;
  int32 batch_size = 3;
  int32 batch_index = 4;
  int32 batch_id = 5;
}`

let payloadType: Protobuf.Type | null = null

/** The message type, built on first use: protobufjs is loaded only when a Google export is read, not at start-up. */
function payloadMessage(): Protobuf.Type {
  if (payloadType) return payloadType
  const protobuf = createRequire(import.meta.url)('protobufjs') as typeof Protobuf
  payloadType = protobuf.parse(SCHEMA, { keepCase: true }).root.lookupType('MigrationPayload')
  return payloadType
}

/** One account as Google stores it; enums are the raw numbers (see SCHEMA). */
export type OtpParameters = Readonly<{
  secret: Uint8Array
  name: string
  issuer: string
  algorithm: number
  digits: number
  type: number
  /** Decimal text: an int64 may not fit a JS number. */
  counter: string
}>

export type MigrationPayload = Readonly<{
  otpParameters: readonly OtpParameters[]
  version: number
  batchSize: number
  batchIndex: number
  batchId: number
}>

/** Decodes the payload bytes; a truncated or malformed message gives the decoder's reason. */
export function decodeMigrationPayload(bytes: Uint8Array): Result<MigrationPayload, string> {
  const payload = payloadMessage()
  let decoded: Record<string, unknown>
  try {
    decoded = payload.toObject(payload.decode(bytes), { longs: String, enums: Number, defaults: true, arrays: true })
  } catch (e) {
    // protobufjs throws on truncated data, bad wire types and absurd nesting (RangeError).
    return err(e instanceof Error ? e.message : String(e))
  }
  const list = Array.isArray(decoded.otp_parameters) ? (decoded.otp_parameters as unknown[]) : []
  return ok({
    otpParameters: list.map(toParameters),
    version: int(decoded.version),
    batchSize: int(decoded.batch_size),
    batchIndex: int(decoded.batch_index),
    batchId: int(decoded.batch_id),
  })
}

function toParameters(value: unknown): OtpParameters {
  const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  return {
    // protobufjs gives a Buffer over its own decode buffer: copy it.
    secret: object.secret instanceof Uint8Array ? new Uint8Array(object.secret) : new Uint8Array(0),
    name: typeof object.name === 'string' ? object.name : '',
    issuer: typeof object.issuer === 'string' ? object.issuer : '',
    algorithm: int(object.algorithm),
    digits: int(object.digits),
    type: int(object.type),
    counter: typeof object.counter === 'string' ? object.counter : String(object.counter ?? '0'),
  }
}

function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

/** Encodes a payload: for tests and fuzzing, which need valid payloads to start from. */
export function encodeMigrationPayload(payload: MigrationPayload): Uint8Array {
  const type = payloadMessage()
  const message = type.fromObject({
    otp_parameters: payload.otpParameters.map((parameters) => ({ ...parameters })),
    version: payload.version,
    batch_size: payload.batchSize,
    batch_index: payload.batchIndex,
    batch_id: payload.batchId,
  })
  return type.encode(message).finish()
}
