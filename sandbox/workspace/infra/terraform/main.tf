# AI Video Generation Pipeline, dev environment: alarms, dashboard and log group.

locals {
  environment = "dev"
  alerts      = "arn:aws:sns:us-east-1:123456789012:dev-ai-video-alerts"
}

variable "rds_instance" {
  type    = string
  default = "dev-ai-video-db"
}

resource "aws_cloudwatch_log_group" "backend" {
  name              = "/ecs/dev/ai-video-backend"
  retention_in_days = 7
}

resource "aws_cloudwatch_metric_alarm" "ecs_service_unhealthy" {
  alarm_name          = "dev-ecs-service-unhealthy"
  alarm_description   = "ECS service has no running tasks - application is down"
  namespace           = "AWS/ECS"
  metric_name         = "RunningTaskCount"
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 2
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [local.alerts]
  ok_actions          = [local.alerts]

  dimensions = {
    ClusterName = "ai-video-cluster"
    ServiceName = "ai-video-backend-service"
  }
}

resource "aws_cloudwatch_metric_alarm" "rds_cpu_critical" {
  alarm_name          = "${local.environment}-rds-cpu-critical"
  alarm_description   = "RDS CPU utilization above 90% for 5 minutes"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 90
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [local.alerts]
  ok_actions          = [local.alerts]

  dimensions = {
    DBInstanceIdentifier = var.rds_instance
  }
}

resource "aws_cloudwatch_dashboard" "application" {
  dashboard_name = "dev-application-dashboard"
  dashboard_body = jsonencode({
    widgets = []
  })
}
